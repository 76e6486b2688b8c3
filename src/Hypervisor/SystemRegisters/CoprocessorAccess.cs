using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// CPACR, which gives each privilege level access to the floating-point coprocessors (cp10, cp11)
/// or not; translated VFP instructions check it (<see cref="VfpSystem.Permits"/>).
/// </summary>
public static unsafe class CoprocessorAccess
{
    public static readonly SystemRegister[] Registers =
    [
        // Translated VFP instructions check CPACR when they run, so a write needs nothing else.
        SystemRegister.Word("CPACR", new(15, 0, 1, 0, 2), Access.Pl1, nameof(CpuState.Cpacr), VfpSystem.CpacrWritable, VfpSystem.CpacrReadsAsOne),
    ];
}
