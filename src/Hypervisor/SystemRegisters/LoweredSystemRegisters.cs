using Translator.Backend.Execution;
using Translator.IR;
using Translator.IR.State;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>The call-out target of system-register accesses lowered in translate mode: the vCPU's table, by handle.</summary>
internal sealed unsafe class LoweredSystemRegisters(VCpu cpu, SystemRegisterTable table) : ISystemRegisterCalls
{
    public long Calls { get; private set; }

    public uint Access(CpuState* state, uint handle, uint access)
    {
        Calls++;
        SystemRegisterTable.Perform(cpu, table[(int)handle], SystemAccess.Rt(access), SystemAccess.Rt2(access),
            (access & SystemAccess.Read) != 0, (access & SystemAccess.Wide) != 0);
        return 0;
    }
}
