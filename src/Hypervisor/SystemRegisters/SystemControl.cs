using Translator.IR.State;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// SCTLR and ACTLR, the vector base, the fault status and address registers, and the thread-ID
/// registers. SCTLR's read-as-one and read-as-zero bits are the Cortex-A15's.
/// </summary>
public static unsafe class SystemControl
{
    /// <summary>SCTLR at reset: MMU, caches and alignment checks off, low vectors, ARM exception handlers, little-endian.</summary>
    public const uint SctlrReset = 0x00C5_0078;
    private const uint SctlrReadAsOne = 0x00C5_0058;
    /// <summary>M, A, C, CP15BEN, SW, I, V, WXN, UWXN, FI, EE, TRE, AFE, TE.</summary>
    private const uint SctlrWritable = 0x7238_3427;

    public const uint SctlrM = 1u << 0, SctlrA = 1u << 1, SctlrAfe = 1u << 29, SctlrTre = 1u << 28;

    private static RegisterEncoding Cp15(int crn, int opc1, int crm, int opc2) => new(15, opc1, crn, crm, opc2);

    public static readonly SystemRegister[] Registers =
    [
        new("SCTLR", Cp15(1, 0, 0, 0), Access.Pl1, cpu => cpu.State->Sctlr,
            (cpu, value) =>
            {
                uint before = cpu.State->Sctlr;
                cpu.State->Sctlr = ((uint)value & SctlrWritable) | SctlrReadAsOne;
                MemorySystem.SctlrWritten(cpu, before);
            }, EndsBlock: true) { StateOffset = SystemRegister.OffsetOf(nameof(CpuState.Sctlr)) },
        // The Cortex-A15's ACTLR bits tune the caches and coherency, none of which is modelled; SMP (bit 6) reads back.
        SystemRegister.Word("ACTLR", Cp15(1, 0, 0, 1), Access.Pl1, nameof(CpuState.Actlr), 1u << 6),
        SystemRegister.Word("VBAR", Cp15(12, 0, 0, 0), Access.Pl1, nameof(CpuState.Vbar), ~0x1Fu),
        SystemRegister.Word("DFSR", Cp15(5, 0, 0, 0), Access.Pl1, nameof(CpuState.Dfsr), 0x3CFF),
        SystemRegister.Word("IFSR", Cp15(5, 0, 0, 1), Access.Pl1, nameof(CpuState.Ifsr), 0x140F),
        new("ADFSR", Cp15(5, 0, 1, 0), Access.Pl1, _ => 0, (_, _) => { }),
        new("AIFSR", Cp15(5, 0, 1, 1), Access.Pl1, _ => 0, (_, _) => { }),
        SystemRegister.Word("DFAR", Cp15(6, 0, 0, 0), Access.Pl1, nameof(CpuState.Dfar)),
        SystemRegister.Word("IFAR", Cp15(6, 0, 0, 2), Access.Pl1, nameof(CpuState.Ifar)),
        SystemRegister.Word("TPIDRURW", Cp15(13, 0, 0, 2), Access.Pl0, nameof(CpuState.TpidrUrw)),
        SystemRegister.Word("TPIDRURO", Cp15(13, 0, 0, 3), Access.Pl1, nameof(CpuState.TpidrUro)) with { ReadAccess = Access.Pl0 },
        SystemRegister.Word("TPIDRPRW", Cp15(13, 0, 0, 4), Access.Pl1, nameof(CpuState.TpidrPrw)),
    ];
}
