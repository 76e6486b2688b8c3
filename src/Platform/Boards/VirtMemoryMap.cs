namespace Translator.Platform.Boards;

/// <summary>
/// The parts of QEMU's <c>virt</c> memory map and interrupt wiring that <see cref="VirtBoard"/> does not
/// name yet, as QEMU 7.2 lays them out (hw/arm/virt.c; docs/reference/qemu-virt-cortex-a15.dts).
/// Region sizes are the board's windows, which the device tree describes; a device model may decode
/// less of its window than that.
/// </summary>
public static class VirtMemoryMap
{
    /// <summary>Two CFI flash banks at the bottom of the address space (firmware, then variables).</summary>
    public const ulong FlashBase = 0, FlashBankSize = 0x0400_0000;
    public const int FlashBanks = 2;

    public const uint GicDistributorSize = 0x1_0000, GicCpuInterfaceSize = 0x1_0000;
    public const uint UartSize = 0x1000;
    public const uint RtcBase = 0x0901_0000, RtcSize = 0x1000;

    /// <summary>virtio-mmio transports: 32 windows of 0x200 bytes from 0x0a000000, transport i on SPI 16 + i.</summary>
    public const uint VirtioBase = 0x0a00_0000, VirtioStride = 0x200;
    public const int VirtioTransports = 32;

    /// <summary>Shared peripheral interrupts as the device tree numbers them (GIC interrupt ID minus 32).</summary>
    public const int UartSpi = 1, RtcSpi = 2, VirtioFirstSpi = 16;

    /// <summary>
    /// The generic timer's private interrupts as the device tree numbers them (GIC interrupt ID minus 16),
    /// in the order the timer binding lists them: secure physical, non-secure physical, virtual, hypervisor.
    /// </summary>
    public const int SecurePhysicalTimerPpi = 13, HypervisorTimerPpi = 10;
    public const int PhysicalTimerPpi = VirtBoard.PhysicalTimerInterrupt - 16, VirtualTimerPpi = VirtBoard.VirtualTimerInterrupt - 16;

    /// <summary>The fixed 24 MHz APB clock the PrimeCell devices (PL011, PL031) are clocked from.</summary>
    public const uint ApbClockHz = 24_000_000;
}
