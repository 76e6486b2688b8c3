namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The CP14 debug registers a kernel touches at boot (ARMv7.1 debug, as a Cortex-A15 has it): the ID
/// and ROM-address registers, DBGDSCR, the breakpoint and watchpoint value and control registers
/// (six and four, as DBGDIDR says), and the OS lock. Values are kept; no breakpoint, watchpoint or
/// debug event is ever raised, since no external debugger or self-hosted debug is modelled.
/// </summary>
public sealed class DebugRegisters
{
    public const int Breakpoints = 6, Watchpoints = 4;
    /// <summary>DBGDIDR: 4 watchpoints, 6 breakpoints, 2 context comparators, v7.1 debug, the A15's variant and revision.</summary>
    private const uint Didr = 0x3515_F021;
    private const uint OsLockKey = 0xC5AC_CE55;
    /// <summary>DSCR bits software can write: the modes and enables (MDBGen, HDBGen, ITRen, UDCCdis, INTdis, DBGack), the method of entry aside.</summary>
    private const uint DscrWritable = 0x0000_FC00 | (1u << 29) | (1u << 30);

    private readonly uint[] _breakValues = new uint[Breakpoints], _breakControls = new uint[Breakpoints];
    private readonly uint[] _watchValues = new uint[Watchpoints], _watchControls = new uint[Watchpoints];
    private uint _dscr, _vectorCatch, _powerDownControl, _doubleLock;
    /// <summary>The OS lock is set at reset (a cold reset of the debug logic), as QEMU's model has it.</summary>
    private bool _osLocked = true;

    private static RegisterEncoding Cp14(int crn, int crm, int opc2) => new(14, 0, crn, crm, opc2);

    private static DebugRegisters Of(VCpu cpu) => cpu.Debug;

    private static IEnumerable<SystemRegister> Pairs(string value, string control, int count, int valueOpc2,
        Func<DebugRegisters, uint[]> values, Func<DebugRegisters, uint[]> controls) =>
        Enumerable.Range(0, count).SelectMany(n => new SystemRegister[]
        {
            new($"{value}{n}", Cp14(0, n, valueOpc2), Access.Pl1, cpu => values(Of(cpu))[n], (cpu, v) => values(Of(cpu))[n] = (uint)v & ~3u),
            new($"{control}{n}", Cp14(0, n, valueOpc2 + 1), Access.Pl1, cpu => controls(Of(cpu))[n], (cpu, v) => controls(Of(cpu))[n] = (uint)v),
        });

    public static readonly SystemRegister[] Registers =
    [
        SystemRegister.Constant("DBGDIDR", Cp14(0, 0, 0), Didr, Access.Pl0),
        // No memory-mapped debug components: the ROM table and self addresses are not valid.
        SystemRegister.Constant("DBGDRAR", Cp14(1, 0, 0), 0, Access.Pl0),
        SystemRegister.Constant("DBGDSAR", Cp14(2, 0, 0), 0, Access.Pl0),
        new("DBGDSCRint", Cp14(0, 1, 0), Access.Pl0, cpu => Of(cpu)._dscr, null),
        new("DBGDSCRext", Cp14(0, 2, 2), Access.Pl1, cpu => Of(cpu)._dscr, (cpu, v) => Of(cpu)._dscr = (uint)v & DscrWritable),
        new("DBGVCR", Cp14(0, 7, 0), Access.Pl1, cpu => Of(cpu)._vectorCatch, (cpu, v) => Of(cpu)._vectorCatch = (uint)v & 0xDE),
        .. Pairs("DBGBVR", "DBGBCR", Breakpoints, 4, d => d._breakValues, d => d._breakControls),
        .. Pairs("DBGWVR", "DBGWCR", Watchpoints, 6, d => d._watchValues, d => d._watchControls),
        new("DBGOSLAR", Cp14(1, 0, 4), Access.Pl1, null, (cpu, v) => Of(cpu)._osLocked = (uint)v == OsLockKey),
        // OSLM = 0b10 (the v7.1 OS lock is implemented), OSLK, nTT = 0.
        new("DBGOSLSR", Cp14(1, 1, 4), Access.Pl1, cpu => 0x8u | (Of(cpu)._osLocked ? 2u : 0), null),
        new("DBGOSDLR", Cp14(1, 3, 4), Access.Pl1, cpu => Of(cpu)._doubleLock, (cpu, v) => Of(cpu)._doubleLock = (uint)v & 1),
        new("DBGPRCR", Cp14(1, 4, 4), Access.Pl1, cpu => Of(cpu)._powerDownControl, (cpu, v) => Of(cpu)._powerDownControl = (uint)v & 1),
        // Powered up (PU), with the OS lock's state; no sticky power-down or reset events are ever recorded.
        new("DBGPRSR", Cp14(1, 5, 4), Access.Pl1, cpu => 1u | (Of(cpu)._osLocked ? 1u << 5 : 0), null),
    ];
}
