using Translator.IR.Semantics;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// CPACR, which gives each privilege level access to the floating-point coprocessors (cp10, cp11)
/// or not; translated VFP instructions check it (<see cref="VfpSystem.Permits"/>).
/// </summary>
public static unsafe class CoprocessorAccess
{
    public static readonly SystemRegister[] Registers =
    [
        new("CPACR", new(15, 0, 1, 0, 2), Access.Pl1, cpu => cpu.State->Cpacr, (cpu, value) => cpu.State->Cpacr = (uint)value & VfpSystem.CpacrWritable),
    ];
}
