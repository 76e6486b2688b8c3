using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;

namespace Translator.Platform.Boards;

/// <summary>QEMU's <c>virt</c> machine memory map for a Cortex-A15 (see ../shared/reference/qemu-virt-cortex-a15.dts).</summary>
public static class VirtBoard
{
    public const uint RamBase = 0x4000_0000;
    public const uint UartBase = 0x0900_0000;
    /// <summary>Where the GIC's distributor and CPU interface start, which the Cortex-A15's CBAR reports.</summary>
    public const uint PrivatePeripheralBase = 0x0800_0000;
    public const uint DefaultRamSize = 256u << 20;
    /// <summary>QEMU's virt board allows RAM up to the top of the 32-bit space the guest can reach here.</summary>
    public const ulong MaxRamSize = 3UL << 30;

    public static PhysicalMap Build(uint ramSize, Stream console, out Ram ram)
    {
        var map = new PhysicalMap();
        ram = new Ram(RamBase, ramSize);
        map.AddRam(ram);
        map.AddDevice(UartBase, Pl011Uart.WindowSize, new Pl011Uart(console));
        return map;
    }
}
