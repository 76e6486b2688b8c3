using Translator.Hypervisor;
using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;
using Translator.Platform.Devices.Virtio;
using static Translator.Platform.Boards.VirtMemoryMap;

namespace Translator.Platform.Boards;

/// <summary>A disk for a virtio-blk device (<c>--drive file=IMG[,readonly]</c>).</summary>
public sealed record DriveOption(string Path, bool ReadOnly);

/// <summary>What the board is built with.</summary>
public sealed record BoardOptions
{
    public uint RamSize { get; init; } = VirtBoard.DefaultRamSize;
    public IReadOnlyList<DriveOption> Drives { get; init; } = [];
    /// <summary>Firmware for the first flash bank (--bios); the second bank is always there, erased, for its environment.</summary>
    public byte[]? Firmware { get; init; }
    /// <summary>A virtio-rng device, as a kernel's entropy source.</summary>
    public bool Rng { get; init; } = true;
}

/// <summary>
/// QEMU's <c>virt</c> machine for a Cortex-A15 (see docs/reference/qemu-virt-cortex-a15.dts),
/// with the devices Translator has: RAM, two CFI flash banks, the GICv2, the PL011 UART, the PL031 RTC,
/// and 32 virtio-mmio transports holding the drives and an entropy source. Address for address and
/// interrupt for interrupt as QEMU places them, so the same images boot on both.
/// </summary>
public sealed class VirtBoard : IDisposable
{
    public const uint RamBase = 0x4000_0000;
    public const uint UartBase = 0x0900_0000;
    public const uint GicDistributorBase = 0x0800_0000, GicCpuInterfaceBase = 0x0801_0000;
    /// <summary>The generic timer's PPIs as the board wires them (the DTS's timer node): non-secure physical PPI 14, virtual PPI 11.</summary>
    public const int PhysicalTimerInterrupt = Gic.PrivateCount - 16 + 14, VirtualTimerInterrupt = Gic.PrivateCount - 16 + 11;
    /// <summary>The private peripherals start with the GIC, which the Cortex-A15\'s CBAR reports.</summary>
    public const uint PrivatePeripheralBase = GicDistributorBase;
    public const uint DefaultRamSize = 256u << 20;
    /// <summary>QEMU's virt board allows RAM up to the top of the 32-bit space the guest can reach here.</summary>
    public const ulong MaxRamSize = 3UL << 30;

    public PhysicalMap Map { get; } = new();
    public Ram Ram { get; }
    public Gic Gic { get; } = new();
    public Pl011Uart Uart { get; }
    public Pl031Rtc Rtc { get; }
    /// <summary>The two flash banks: firmware (--bios) in the first, the second erased, for the firmware's environment.</summary>
    public IReadOnlyList<CfiFlash> Flash { get; }
    public IReadOnlyList<VirtioMmioTransport> Virtio { get; }
    private readonly List<VirtioDevice> _devices = [];
    private GuestMemory? _memory;

    public VirtBoard(BoardOptions options, Stream console)
    {
        if (options.Firmware is { Length: > (int)FlashBankSize } firmware)
            throw new ArgumentException($"the firmware ({firmware.Length} bytes) does not fit in the {FlashBankSize >> 20} MiB flash bank");
        Ram = new Ram(RamBase, options.RamSize);
        Map.AddRam(Ram);
        Map.AddDevice(GicDistributorBase, GicDistributor.WindowSize, new GicDistributor(Gic));
        Map.AddDevice(GicCpuInterfaceBase, GicCpuInterface.WindowSize, new GicCpuInterface(Gic));
        Uart = new Pl011Uart(console, Line(UartSpi));
        Map.AddDevice(UartBase, Pl011Uart.WindowSize, Uart);
        Rtc = new Pl031Rtc(Line(RtcSpi));
        Map.AddDevice(RtcBase, Pl031Rtc.WindowSize, Rtc);
        Flash = [new CfiFlash("flash0", (uint)FlashBankSize, options.Firmware, writable: true), new CfiFlash("flash1", (uint)FlashBankSize, null, writable: true)];
        for (int bank = 0; bank < Flash.Count; bank++) Map.AddDevice((uint)(FlashBase + (ulong)bank * FlashBankSize), (uint)FlashBankSize, Flash[bank]);
        try
        {
            foreach (var drive in options.Drives) _devices.Add(new VirtioBlock(drive.Path, drive.ReadOnly));
            if (options.Rng) _devices.Add(new VirtioRng());
            Virtio = VirtioBus.Create(VirtioTransports, _devices, new RamDma(Ram, DeviceWrote), n => Line(VirtioFirstSpi + n));
        }
        catch
        {
            Dispose();
            throw;
        }
        for (int n = 0; n < Virtio.Count; n++) Map.AddDevice(VirtioBase + (uint)n * VirtioStride, VirtioMmioTransport.WindowSize, Virtio[n]);
    }

    private Action<bool> Line(int spi) => level => Gic.SetInput(Gic.PrivateCount + spi, level);

    /// <summary>
    /// Connects the board to its processor: the GIC's outputs to the vCPU's interrupt lines, the vCPU's
    /// timers to their PPIs, and device writes into RAM to the dropping of code translated from it.
    /// </summary>
    public void Attach(VCpu cpu)
    {
        cpu.PeripheralBase = PrivatePeripheralBase;
        Gic.Output = cpu.SetInterruptLine;
        cpu.Timer.Physical.Output = level => Gic.SetInput(PhysicalTimerInterrupt, level);
        cpu.Timer.Virtual.Output = level => Gic.SetInput(VirtualTimerInterrupt, level);
        _memory = cpu.Memory;
    }

    /// <summary>
    /// Feeds the host's console input to the UART: bytes another thread queued reach the UART's FIFO on
    /// the vCPU's thread as it has room; the vCPU leaves a WFI for them. Calls <paramref name="quit"/>
    /// when the user asks to quit (Ctrl-A X).
    /// </summary>
    public void Connect(VCpu cpu, ConsoleInput input, Action quit)
    {
        cpu.Attention = () =>
        {
            while (Uart.CanReceive && input.TryTake(out byte b)) Uart.Receive(b);
            Rtc.Poll();
            if (input.QuitRequested) quit();
        };
        Uart.ReceiveSpace = cpu.RequestAttention;
        cpu.ExternalWakeUp = () => !input.Ended;
    }

    /// <summary>A device wrote guest RAM by DMA: code translated from those pages is stale (a disk read may bring in a program).</summary>
    private void DeviceWrote(uint address, int length)
    {
        if (_memory is null || length <= 0) return;
        for (uint page = address & ~0xFFFu; page < address + (uint)length; page += 0x1000) _memory.CodeWritten(page, 4);
    }

    public void Dispose()
    {
        foreach (var device in _devices) device.Dispose();
        Ram.Dispose();
    }
}
