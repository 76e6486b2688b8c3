using Translator.Hypervisor;
using Translator.Hypervisor.Memory;
using Translator.Platform.Devices;

namespace Translator.Platform.Boards;

/// <summary>QEMU's <c>virt</c> machine memory map for a Cortex-A15 (see ../shared/reference/qemu-virt-cortex-a15.dts).</summary>
public static class VirtBoard
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

    public static PhysicalMap Build(uint ramSize, Stream console, out Ram ram, out Gic gic)
    {
        var map = new PhysicalMap();
        ram = new Ram(RamBase, ramSize);
        map.AddRam(ram);
        gic = new Gic();
        map.AddDevice(GicDistributorBase, GicDistributor.WindowSize, new GicDistributor(gic));
        map.AddDevice(GicCpuInterfaceBase, GicCpuInterface.WindowSize, new GicCpuInterface(gic));
        map.AddDevice(UartBase, Pl011Uart.WindowSize, new Pl011Uart(console));
        return map;
    }

    /// <summary>Connects the GIC's outputs to the vCPU's interrupt lines and the vCPU's timers to their PPIs.</summary>
    public static void Wire(Gic gic, VCpu cpu)
    {
        gic.Output = cpu.SetInterruptLine;
        cpu.Timer.Physical.Output = level => gic.SetInput(PhysicalTimerInterrupt, level);
        cpu.Timer.Virtual.Output = level => gic.SetInput(VirtualTimerInterrupt, level);
    }
}
