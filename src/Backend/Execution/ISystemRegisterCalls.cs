using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>
/// Serves <see cref="CallOutKind.SystemRegister"/>: the hypervisor's register table, reached from
/// translated code through <see cref="CpuState.Owner"/>. The access was checked when it was
/// translated (the register exists and the privilege the block runs at may access it).
/// </summary>
public unsafe interface ISystemRegisterCalls
{
    /// <param name="handle">The register's handle in the table.</param>
    /// <param name="access">The guest registers and direction (<see cref="SystemAccess"/>).</param>
    uint Access(CpuState* state, uint handle, uint access);
}
