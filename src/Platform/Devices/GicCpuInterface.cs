using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices;

/// <summary>
/// The GIC CPU interface's registers (GICv2 specification, 4.4) as a GIC without the Security
/// Extensions presents them: GICC_ABPR is the group 1 binary point; GICC_AIAR, GICC_AEOIR and
/// GICC_AHPPIR read as zero and ignore writes there, as on QEMU. Offsets it does not implement read
/// as zero and ignore writes.
/// </summary>
public sealed class GicCpuInterface(Gic gic) : IMmioDevice
{
    public const uint WindowSize = 0x2000;
    private const uint Control = 0x00, PriorityMask = 0x04, BinaryPoint = 0x08, Acknowledge = 0x0C, EndOfInterrupt = 0x10,
        RunningPriority = 0x14, HighestPending = 0x18, AliasedBinaryPoint = 0x1C, ActivePriorities = 0xD0,
        ActivePrioritiesGroup1 = 0xE0, Implementer = 0xFC, Deactivate = 0x1000;

    public string Name => "gic-cpu-interface";

    public uint Read(uint offset, int size) => offset switch
    {
        Control => gic.CpuControl,
        PriorityMask => gic.PriorityMask,
        BinaryPoint => gic.BinaryPoint,
        Acknowledge => gic.Acknowledge(),
        RunningPriority => gic.RunningPriority,
        HighestPending => gic.HighestPending,
        AliasedBinaryPoint => gic.AliasedBinaryPoint,
        >= ActivePriorities and < ActivePriorities + 16 when offset % 4 == 0 => gic.ActivePriorities((int)(offset - ActivePriorities) / 4, group1: false),
        >= ActivePrioritiesGroup1 and < ActivePrioritiesGroup1 + 16 when offset % 4 == 0 => gic.ActivePriorities((int)(offset - ActivePrioritiesGroup1) / 4, group1: true),
        Implementer => Gic.CpuInterfaceImplementer,
        _ => 0,
    };

    public void Write(uint offset, int size, uint value)
    {
        switch (offset)
        {
            case Control: gic.CpuControl = value & Gic.CpuControlWritable; break;
            case PriorityMask: gic.PriorityMask = value & 0xFF; break;
            case BinaryPoint: gic.BinaryPoint = value & 7; break;
            case EndOfInterrupt: gic.EndOfInterrupt(value); return;
            case AliasedBinaryPoint: gic.AliasedBinaryPoint = Math.Max(value & 7, 1); break;
            case >= ActivePriorities and < ActivePriorities + 16 when offset % 4 == 0:
                gic.SetActivePriorities((int)(offset - ActivePriorities) / 4, group1: false, value); break;
            case >= ActivePrioritiesGroup1 and < ActivePrioritiesGroup1 + 16 when offset % 4 == 0:
                gic.SetActivePriorities((int)(offset - ActivePrioritiesGroup1) / 4, group1: true, value); break;
            case Deactivate: gic.Deactivate(value); return;
            default: return;
        }
        gic.Update();
    }
}
