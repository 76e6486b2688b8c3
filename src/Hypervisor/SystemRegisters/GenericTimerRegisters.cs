using Translator.Hypervisor.Timers;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The generic timer's CP15 c14 registers (ARM ARM B8.2, B4.1.21–B4.1.33) for a processor without the
/// Security and Virtualization Extensions: PL1 is the highest privilege level, so it may write CNTFRQ;
/// CNTVOFF belongs to PL2, which does not exist, so any access to it is UNDEFINED. PL0 reaches a
/// register only when CNTKCTL grants it; otherwise the access is UNDEFINED.
/// </summary>
public static class GenericTimerRegisters
{
    private static RegisterEncoding C14(int crm, int opc2) => new(15, 0, 14, crm, opc2);

    private static Func<VCpu, bool> Granted(uint enables) => cpu => (cpu.Timer.KernelControl & enables) != 0;

    private static SystemRegister[] Timer(string prefix, int crm, int cvalOpc1, Func<GenericTimer, TimerChannel> channel, uint pl0Enable) =>
    [
        new($"{prefix}_TVAL", C14(crm, 0), Access.Pl1, cpu => cpu.Timer.ReadTimerValue(channel(cpu.Timer)),
            (cpu, value) => cpu.Timer.WriteTimerValue(channel(cpu.Timer), (uint)value)) { UserAccessWhen = Granted(pl0Enable) },
        new($"{prefix}_CTL", C14(crm, 1), Access.Pl1, cpu => cpu.Timer.ReadControl(channel(cpu.Timer)),
            (cpu, value) => cpu.Timer.WriteControl(channel(cpu.Timer), (uint)value)) { UserAccessWhen = Granted(pl0Enable) },
        new($"{prefix}_CVAL", RegisterEncoding.Wide(15, cvalOpc1, 14), Access.Pl1, cpu => channel(cpu.Timer).CompareValue,
            (cpu, value) => cpu.Timer.WriteCompareValue(channel(cpu.Timer), value)) { UserAccessWhen = Granted(pl0Enable) },
    ];

    public static readonly SystemRegister[] Registers =
    [
        new("CNTFRQ", C14(0, 0), Access.Pl1, cpu => cpu.Timer.Frequency, (cpu, value) => cpu.Timer.Frequency = (uint)value)
        {
            UserAccessWhen = Granted(GenericTimer.Pl0PhysicalCount | GenericTimer.Pl0VirtualCount),
            UserAccessReadOnly = true,
        },
        new("CNTKCTL", C14(1, 0), Access.Pl1, cpu => cpu.Timer.KernelControl,
            (cpu, value) => cpu.Timer.KernelControl = (uint)value & GenericTimer.KernelControlWritable),
        new("CNTPCT", RegisterEncoding.Wide(15, 0, 14), Access.Pl1, cpu => cpu.Timer.PhysicalCount, null) { UserAccessWhen = Granted(GenericTimer.Pl0PhysicalCount) },
        new("CNTVCT", RegisterEncoding.Wide(15, 1, 14), Access.Pl1, cpu => cpu.Timer.VirtualCount, null) { UserAccessWhen = Granted(GenericTimer.Pl0VirtualCount) },
        new("CNTVOFF", RegisterEncoding.Wide(15, 4, 14), Access.Pl1, null, null),
        .. Timer("CNTP", 2, 2, t => t.Physical, GenericTimer.Pl0PhysicalTimer),
        .. Timer("CNTV", 3, 3, t => t.Virtual, GenericTimer.Pl0VirtualTimer),
    ];
}
