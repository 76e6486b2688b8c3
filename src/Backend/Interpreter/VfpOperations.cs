using Translator.IR;
using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Backend.Interpreter;

/// <summary>The interpreter's VFP operations: the register file and system registers on the state, the arithmetic through <see cref="FloatingPoint"/>.</summary>
internal static unsafe class VfpOperations
{
    /// <summary>Runs one VFP operation; false when it is a <see cref="Opcode.VfpCheck"/> that fails (the instruction is UNDEFINED).</summary>
    public static bool Run(Inst inst, ReadOnlySpan<ulong> args, CpuState* state, out ulong result)
    {
        result = 0;
        int n = (int)inst.Aux;
        switch (inst.Op)
        {
            case Opcode.GetS: result = ((uint*)state->D)[n]; break;
            case Opcode.SetS: ((uint*)state->D)[n] = (uint)args[0]; break;
            case Opcode.GetD: result = state->D[n]; break;
            case Opcode.SetD: state->D[n] = args[0]; break;
            case Opcode.GetVfpSystem: result = VfpSystem.Read(state, n); break;
            case Opcode.SetVfpSystem: VfpSystem.Write(state, n, (uint)args[0]); break;
            case Opcode.VfpCheck: return VfpSystem.Permits(state, (VfpAccess)inst.Aux);
            default: result = FloatingPoint.Evaluate(inst.Op, inst.Aux, args, &state->Fpscr); break;
        }
        return true;
    }
}
