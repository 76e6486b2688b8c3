namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The Performance Monitors Extension as a Cortex-A15 has it (PMUv2, six event counters and the cycle
/// counter), with the registers Linux's perf driver uses. Guest time here is retired instructions,
/// so the cycle counter counts one cycle per instruction; the event counters count instructions
/// retired (0x08), cycles (0x11) and software increments (0x00), and no other event; PMCR.D (count
/// every 64th cycle) is kept but not applied. PMUSERENR.EN opens the registers to User mode.
/// Overflow flags are set when a counter is seen to wrap; no overflow interrupt is raised.
/// </summary>
public sealed unsafe class PerformanceMonitors
{
    public const int EventCounters = 6;
    private const int CycleCounter = 31;
    /// <summary>PMCR: implementer ARM, the Cortex-A15's ID code, six counters.</summary>
    private const uint PmcrIdentity = 0x410F_3000;
    private const uint PmcrWritable = 0x39; // E, D, X, DP
    private const uint EventSoftwareIncrement = 0x00, EventInstructions = 0x08, EventCycles = 0x11;
    private const uint CounterMask = 0x8000_003F;

    private uint _control, _enabled, _overflow, _interrupts, _select, _userEnable;
    private readonly uint[] _eventTypes = new uint[EventCounters + 1];
    /// <summary>Counter values as of <see cref="_mark"/> (index 6 is the cycle counter, 64-bit).</summary>
    private readonly ulong[] _counts = new ulong[EventCounters + 1];
    private ulong _mark;

    private static int Slot(int counter) => counter == CycleCounter ? EventCounters : counter;

    private bool Counts(int counter, uint eventType) =>
        (_control & 1) != 0 && (_enabled & (1u << counter)) != 0
        && (counter == CycleCounter || eventType is EventInstructions or EventCycles);

    /// <summary>A counter's 32-bit value now.</summary>
    private uint Value(VCpu cpu, int counter)
    {
        int slot = Slot(counter);
        ulong value = _counts[slot];
        if (Counts(counter, _eventTypes[slot])) value += cpu.State->Retired - _mark;
        return (uint)value;
    }

    /// <summary>
    /// Folds the instructions retired since the last change into the counters, before a change of
    /// what they count; a counter that passed 2^32 on the way sets its overflow flag.
    /// </summary>
    private void Settle(VCpu cpu)
    {
        ulong delta = cpu.State->Retired - _mark;
        for (int c = 0; c <= EventCounters; c++)
        {
            int counter = c == EventCounters ? CycleCounter : c;
            if (!Counts(counter, _eventTypes[c])) continue;
            ulong value = _counts[c] + delta;
            if (value >> 32 != 0) _overflow |= 1u << counter;
            _counts[c] = (uint)value;
        }
        _mark = cpu.State->Retired;
    }

    private void Set(VCpu cpu, ref uint field, uint value)
    {
        Settle(cpu);
        field = value;
    }

    private int Selected => (int)(_select & 0x1F);

    private static RegisterEncoding C9(int crm, int opc2) => new(15, 0, 9, crm, opc2);

    private static PerformanceMonitors Of(VCpu cpu) => cpu.Pmu;

    private static bool UserEnabled(VCpu cpu) => (cpu.Pmu._userEnable & 1) != 0;

    private static SystemRegister Register(string name, RegisterEncoding encoding, Func<VCpu, ulong>? read, Action<VCpu, ulong>? write) =>
        new(name, encoding, Access.Pl1, read, write) { UserAccessWhen = UserEnabled };

    public static readonly SystemRegister[] Registers =
    [
        Register("PMCR", C9(12, 0), cpu => PmcrIdentity | Of(cpu)._control, (cpu, v) =>
        {
            var pmu = Of(cpu);
            pmu.Set(cpu, ref pmu._control, (uint)v & PmcrWritable);
            if ((v & 2) != 0) for (int c = 0; c < EventCounters; c++) pmu._counts[c] = 0;
            if ((v & 4) != 0) pmu._counts[EventCounters] = 0;
        }),
        Register("PMCNTENSET", C9(12, 1), cpu => Of(cpu)._enabled, (cpu, v) => Of(cpu).Set(cpu, ref Of(cpu)._enabled, Of(cpu)._enabled | ((uint)v & CounterMask))),
        Register("PMCNTENCLR", C9(12, 2), cpu => Of(cpu)._enabled, (cpu, v) => Of(cpu).Set(cpu, ref Of(cpu)._enabled, Of(cpu)._enabled & ~(uint)v)),
        Register("PMOVSR", C9(12, 3), cpu => { Of(cpu).Settle(cpu); return Of(cpu)._overflow; }, (cpu, v) => Of(cpu)._overflow &= ~(uint)v),
        Register("PMSWINC", C9(12, 4), null, (cpu, v) =>
        {
            var pmu = Of(cpu);
            for (int c = 0; c < EventCounters; c++)
                if ((v & (1u << c)) != 0 && (pmu._control & 1) != 0 && (pmu._enabled & (1u << c)) != 0 && pmu._eventTypes[c] == EventSoftwareIncrement)
                {
                    if (pmu._counts[c] == uint.MaxValue) pmu._overflow |= 1u << c;
                    pmu._counts[c] = (uint)(pmu._counts[c] + 1);
                }
        }),
        Register("PMSELR", C9(12, 5), cpu => Of(cpu)._select, (cpu, v) => Of(cpu)._select = (uint)v & 0x1F),
        SystemRegister.Constant("PMCEID0", C9(12, 6), (1u << (int)EventSoftwareIncrement) | (1u << (int)EventInstructions) | (1u << (int)EventCycles)) with { UserAccessWhen = UserEnabled },
        SystemRegister.Constant("PMCEID1", C9(12, 7), 0) with { UserAccessWhen = UserEnabled },
        Register("PMCCNTR", C9(13, 0), cpu => Of(cpu).Value(cpu, CycleCounter), (cpu, v) =>
        {
            var pmu = Of(cpu);
            pmu.Settle(cpu);
            pmu._counts[EventCounters] = (uint)v;
        }),
        Register("PMXEVTYPER", C9(13, 1), cpu => Of(cpu).Selected is var c && c < EventCounters ? Of(cpu)._eventTypes[c] : 0, (cpu, v) =>
        {
            var pmu = Of(cpu);
            if (pmu.Selected >= EventCounters) return;
            pmu.Settle(cpu);
            pmu._eventTypes[pmu.Selected] = (uint)v & 0xFF;
        }),
        Register("PMXEVCNTR", C9(13, 2), cpu => Of(cpu).Selected is var c && c < EventCounters ? Of(cpu).Value(cpu, c) : 0, (cpu, v) =>
        {
            var pmu = Of(cpu);
            if (pmu.Selected >= EventCounters) return;
            pmu.Settle(cpu);
            pmu._counts[pmu.Selected] = (uint)v;
        }),
        new("PMUSERENR", C9(14, 0), Access.Pl1, cpu => Of(cpu)._userEnable, (cpu, v) => Of(cpu)._userEnable = (uint)v & 1) { ReadAccess = Access.Pl0 },
        new("PMINTENSET", C9(14, 1), Access.Pl1, cpu => Of(cpu)._interrupts, (cpu, v) => Of(cpu)._interrupts |= (uint)v & CounterMask),
        new("PMINTENCLR", C9(14, 2), Access.Pl1, cpu => Of(cpu)._interrupts, (cpu, v) => Of(cpu)._interrupts &= ~(uint)v),
    ];
}
