using Translator.Platform.Boards;

namespace Translator.Platform.DeviceTree;

/// <summary>What the board's device tree describes beyond its fixed devices.</summary>
public sealed record VirtDeviceTreeOptions
{
    public ulong RamSize { get; init; } = VirtBoard.DefaultRamSize;
    /// <summary>The kernel command line; empty writes no bootargs, as QEMU does without -append.</summary>
    public string BootArgs { get; init; } = "";
    /// <summary>Where the initrd was loaded: Start is its first byte, End the byte after its last.</summary>
    public (uint Start, uint End)? Initrd { get; init; }
    public int VirtioTransports { get; init; } = VirtMemoryMap.VirtioTransports;
    public bool Flash { get; init; } = true;
}

/// <summary>
/// The device tree of our <c>virt</c> board: QEMU 7.2's for <c>-M virt -cpu cortex-a15</c>, node for
/// node, property for property, in the order dtc shows QEMU's, with the nodes of devices we do not
/// have left out (fw-cfg, platform-bus, pl061 and gpio-keys, pcie, the GICv2m MSI frame), so that a
/// guest configured from it finds exactly what is there.
/// </summary>
public static class VirtDeviceTree
{
    /// <summary>QEMU's phandles, so that a tree dumped from QEMU and ours refer to nodes by the same numbers.</summary>
    public const uint ClockPhandle = 0x8000, CpuPhandle = 0x8001, GicPhandle = 0x8002;

    // The GIC binding's interrupt specifier: type (SPI or PPI), number, flags (trigger, and for PPIs the CPU mask).
    private const uint Spi = 0, Ppi = 1;
    private const uint EdgeRising = 1, LevelHigh = 4;
    private const uint PpiToCpu0 = 1u << 8;

    // PSCI 0.2 function IDs (SMC32), which the psci node names for the older "arm,psci" binding.
    private const uint PsciCpuSuspend = 0x8400_0001, PsciCpuOff = 0x8400_0002, PsciCpuOn = 0x8400_0003, PsciMigrate = 0x8400_0005;

    public static byte[] BuildBlob(VirtDeviceTreeOptions options) => FdtWriter.Write(Build(options));

    public static DeviceTreeNode Build(VirtDeviceTreeOptions options)
    {
        if (options.RamSize == 0 || options.RamSize > VirtBoard.MaxRamSize)
            throw new ArgumentOutOfRangeException(nameof(options), options.RamSize, $"RAM size must be 1 byte to {VirtBoard.MaxRamSize >> 20} MiB");
        if (options.VirtioTransports is < 0 or > VirtMemoryMap.VirtioTransports)
            throw new ArgumentOutOfRangeException(nameof(options), options.VirtioTransports, $"the board has room for 0 to {VirtMemoryMap.VirtioTransports} virtio-mmio transports");

        var root = new DeviceTreeNode("")
            .SetU32("interrupt-parent", GicPhandle)
            .SetString("model", "linux,dummy-virt")
            .SetU32("#size-cells", 2)
            .SetU32("#address-cells", 2)
            .SetString("compatible", "linux,dummy-virt");

        root.AddChild("psci")
            .SetU32("migrate", PsciMigrate)
            .SetU32("cpu_on", PsciCpuOn)
            .SetU32("cpu_off", PsciCpuOff)
            .SetU32("cpu_suspend", PsciCpuSuspend)
            .SetString("method", "hvc")
            .SetStrings("compatible", "arm,psci-1.0", "arm,psci-0.2", "arm,psci");

        root.AddChild($"memory@{VirtBoard.RamBase:x}")
            .SetReg("reg", 2, 2, (VirtBoard.RamBase, options.RamSize))
            .SetString("device_type", "memory");

        for (int i = 0; i < options.VirtioTransports; i++)
        {
            uint address = VirtMemoryMap.VirtioBase + (uint)i * VirtMemoryMap.VirtioStride;
            root.AddChild($"virtio_mmio@{address:x}")
                .SetEmpty("dma-coherent")
                .SetCells("interrupts", Spi, (uint)(VirtMemoryMap.VirtioFirstSpi + i), EdgeRising)
                .SetReg("reg", 2, 2, (address, VirtMemoryMap.VirtioStride))
                .SetString("compatible", "virtio,mmio");
        }

        root.AddChild($"pl031@{VirtMemoryMap.RtcBase:x}")
            .SetStrings("clock-names", "apb_pclk")
            .SetCells("clocks", ClockPhandle)
            .SetCells("interrupts", Spi, VirtMemoryMap.RtcSpi, LevelHigh)
            .SetReg("reg", 2, 2, (VirtMemoryMap.RtcBase, VirtMemoryMap.RtcSize))
            .SetStrings("compatible", "arm,pl031", "arm,primecell");

        string uart = $"pl011@{VirtBoard.UartBase:x}";
        root.AddChild(uart)
            .SetStrings("clock-names", "uartclk", "apb_pclk")
            .SetCells("clocks", ClockPhandle, ClockPhandle)
            .SetCells("interrupts", Spi, VirtMemoryMap.UartSpi, LevelHigh)
            .SetReg("reg", 2, 2, (VirtBoard.UartBase, VirtMemoryMap.UartSize))
            .SetStrings("compatible", "arm,pl011", "arm,primecell");

        // QEMU adds the node for any CPU with a PMU but fills it only for ARMv8 ones; with no compatible
        // Linux binds nothing to it. Kept so the trees match node for node.
        root.AddChild("pmu");

        // #address-cells, #size-cells and ranges are QEMU's even without the v2m child they were made
        // for, which is how QEMU writes the node when it has no MSI frame either.
        root.AddChild($"intc@{VirtBoard.GicDistributorBase:x}")
            .SetU32("phandle", GicPhandle)
            .SetReg("reg", 2, 2, (VirtBoard.GicDistributorBase, VirtMemoryMap.GicDistributorSize), (VirtBoard.GicCpuInterfaceBase, VirtMemoryMap.GicCpuInterfaceSize))
            .SetString("compatible", "arm,cortex-a15-gic")
            .SetEmpty("ranges")
            .SetU32("#size-cells", 2)
            .SetU32("#address-cells", 2)
            .SetEmpty("interrupt-controller")
            .SetU32("#interrupt-cells", 3);

        if (options.Flash)
            root.AddChild($"flash@{VirtMemoryMap.FlashBase:x}")
                .SetU32("bank-width", 4)
                .SetReg("reg", 2, 2, (VirtMemoryMap.FlashBase, VirtMemoryMap.FlashBankSize), (VirtMemoryMap.FlashBase + VirtMemoryMap.FlashBankSize, VirtMemoryMap.FlashBankSize))
                .SetString("compatible", "cfi-flash");

        var cpus = root.AddChild("cpus")
            .SetU32("#size-cells", 0)
            .SetU32("#address-cells", 1);
        cpus.AddChild("cpu-map").AddChild("socket0").AddChild("cluster0").AddChild("core0").SetU32("cpu", CpuPhandle);
        cpus.AddChild("cpu@0")
            .SetU32("phandle", CpuPhandle)
            .SetU32("reg", 0)
            .SetString("compatible", "arm,cortex-a15")
            .SetString("device_type", "cpu");

        const uint timerFlags = PpiToCpu0 | LevelHigh;
        root.AddChild("timer")
            .SetCells("interrupts",
                Ppi, VirtMemoryMap.SecurePhysicalTimerPpi, timerFlags,
                Ppi, VirtMemoryMap.PhysicalTimerPpi, timerFlags,
                Ppi, VirtMemoryMap.VirtualTimerPpi, timerFlags,
                Ppi, VirtMemoryMap.HypervisorTimerPpi, timerFlags)
            .SetEmpty("always-on")
            .SetString("compatible", "arm,armv7-timer");

        root.AddChild("apb-pclk")
            .SetU32("phandle", ClockPhandle)
            .SetString("clock-output-names", "clk24mhz")
            .SetU32("clock-frequency", VirtMemoryMap.ApbClockHz)
            .SetU32("#clock-cells", 0)
            .SetString("compatible", "fixed-clock");

        // QEMU's property order: the boot loader's properties come before the UART's stdout-path.
        var chosen = root.AddChild("chosen");
        SetChosen(root, options.BootArgs, options.Initrd);
        chosen.SetString("stdout-path", "/" + uart);
        return root;
    }

    /// <summary>
    /// Writes the boot loader's part of /chosen into a tree, creating /chosen if it is missing, as QEMU
    /// does to a DTB given with -dtb: bootargs when the command line is not empty, linux,initrd-start and
    /// linux,initrd-end (one cell each, as QEMU 7.2 writes them) when there is an initrd. A property
    /// already there keeps its place and takes the new value; one not given is left as it was.
    /// </summary>
    public static void SetChosen(DeviceTreeNode root, string bootArgs, (uint Start, uint End)? initrd)
    {
        var chosen = root.GetOrAddChild("chosen");
        if (initrd is var (start, end))
        {
            if (end < start) throw new ArgumentOutOfRangeException(nameof(initrd), initrd, "the initrd ends before it starts");
            chosen.SetU32("linux,initrd-end", end).SetU32("linux,initrd-start", start);
        }
        if (bootArgs.Length != 0) chosen.SetString("bootargs", bootArgs);
    }
}
