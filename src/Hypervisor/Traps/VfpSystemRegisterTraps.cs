using Translator.Frontend.Decoding;
using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Hypervisor.Traps;

/// <summary>VMRS and VMSR in trap mode, with the access rules and register meanings the translated forms use (<see cref="VfpSystem"/>).</summary>
internal static unsafe class VfpSystemRegisterTraps
{
    public static TrapOutcome Emulate(in Instruction insn, CpuState* state, out string detail)
    {
        int register = (int)((insn.Word >> 16) & 0xF), t = (int)((insn.Word >> 12) & 0xF);
        bool read = insn.Op == Op.Vmrs;
        detail = $"{(read ? "VMRS" : "VMSR")} of VFP system register {register}";
        if (!VfpSystem.Exists(register) || !VfpSystem.Permits(state, VfpSystem.AccessFor(register))) return TrapOutcome.Undefined;
        if (!read)
        {
            VfpSystem.Write(state, register, state->R[t]);
            return TrapOutcome.Emulated;
        }
        uint value = VfpSystem.Read(state, register);
        // To R15 (APSR_nzcv): the top four bits become the flags.
        if (t == 15) { state->N = value >> 31; state->Z = (value >> 30) & 1; state->C = (value >> 29) & 1; state->V = (value >> 28) & 1; }
        else state->R[t] = value;
        return TrapOutcome.Emulated;
    }
}
