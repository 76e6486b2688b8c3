using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>What a block does when it leaves through each kind of terminal; both engines call these.</summary>
public static unsafe class Exits
{
    public static ExitKind Jump(CpuState* state, uint target, bool thumb, byte it = 0)
    {
        state->R[15] = target;
        state->T = thumb ? 1u : 0u;
        state->IT = it;
        return ExitKind.Continue;
    }

    public static ExitKind JumpIndirect(CpuState* state, uint target, bool exchange)
    {
        Branches.WritePc(state, target, exchange);
        return ExitKind.Continue;
    }

    public static ExitKind Exception(CpuState* state, BlockExit exit, ExceptionKind kind, uint pc, uint immediate)
    {
        state->R[15] = pc;
        exit.Kind = ExitKind.Exception;
        exit.FaultReason = null;
        exit.Exception = kind;
        exit.Pc = pc;
        exit.Immediate = immediate;
        exit.Thumb = state->T != 0;
        return ExitKind.Exception;
    }

    public static ExitKind Trap(CpuState* state, BlockExit exit, uint word, uint pc, bool thumb)
    {
        state->R[15] = pc;
        exit.Kind = ExitKind.Trap;
        exit.FaultReason = null;
        exit.Pc = pc;
        exit.Word = word;
        exit.Thumb = thumb;
        return ExitKind.Trap;
    }

    // The two exits below keep the ITSTATE the block left (a Thumb block sets it before leaving).
    public static ExitKind Dispatcher(CpuState* state, BlockExit exit, uint nextPc, bool thumb)
    {
        state->R[15] = nextPc;
        state->T = thumb ? 1u : 0u;
        exit.Kind = ExitKind.Dispatcher;
        return ExitKind.Dispatcher;
    }

    public static ExitKind WaitForInterrupt(CpuState* state, BlockExit exit, uint nextPc, bool thumb)
    {
        state->R[15] = nextPc;
        state->T = thumb ? 1u : 0u;
        exit.Kind = ExitKind.WaitForInterrupt;
        return ExitKind.WaitForInterrupt;
    }
}
