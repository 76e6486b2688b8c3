using Translator.IR.State;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The ThumbEE registers in CP14, which a Cortex-A15 has (ID_PFR0 reports ThumbEE) and Linux saves on
/// every context switch: TEECR, and TEEHBR, which User mode may access unless TEECR.XED forbids it.
/// No ThumbEE instruction set state is modelled; the registers only hold their values.
/// </summary>
public static unsafe class ThumbEe
{
    private const uint Xed = 1;

    public static readonly SystemRegister[] Registers =
    [
        SystemRegister.Word("TEECR", new(14, 6, 0, 0, 0), Access.Pl1, nameof(CpuState.Teecr), Xed),
        SystemRegister.Word("TEEHBR", new(14, 6, 1, 0, 0), Access.Pl1, nameof(CpuState.Teehbr), ~3u) with
        {
            UserAccessWhen = cpu => (cpu.State->Teecr & Xed) == 0,
        },
    ];
}
