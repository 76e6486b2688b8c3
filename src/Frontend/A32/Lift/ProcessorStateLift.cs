using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// SETEND, CPS, SRS, RFE and ERET, in both instruction sets. Each of them may change an assumption
/// the block was translated under (the endianness, the mode and with it the privilege, the interrupt
/// masks), so the block ends after it and the dispatcher looks at the new state.
/// </summary>
internal static class ProcessorStateLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Setend, SetEndianness), (Op.Cps, ChangeProcessorState), (Op.Srs, StoreReturnState),
        (Op.Rfe, ReturnFromException), (Op.Eret, ExceptionReturn),
    ];

    private static void SetEndianness(in Instruction i, LiftContext ctx)
    {
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.SetEndianness, Value.I32(i.Flag('E') ? 1u : 0u));
        ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb));
    }

    /// <summary>CPS is a NOP in User mode.</summary>
    private static void ChangeProcessorState(in Instruction i, LiftContext ctx)
    {
        if (!ctx.Privileged) return;
        uint fields = (i.Imm2 << 4) | (i.Flag('M') ? 8u : 0) | (i.Flag('A') ? 4u : 0) | (i.Flag('I') ? 2u : 0) | (i.Flag('F') ? 1u : 0);
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ChangeProcessorState, Value.I32(fields), Value.I32(i.Imm));
        ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb));
    }

    /// <summary>
    /// SRS: LR and SPSR of the current mode to the stack of the mode named, with that mode's SP as the
    /// base (written back with W). UNPREDICTABLE in User mode; like QEMU, UNDEFINED there.
    /// </summary>
    private static void StoreReturnState(in Instruction i, LiftContext ctx)
    {
        if (!ctx.Privileged)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return;
        }
        var ir = ctx.Ir;
        uint sp = BankedSelector.Of(13, i.Imm);
        var spsr = ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ReadSpsr);
        var baseValue = ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ReadBanked, Value.I32(sp));
        var (first, final) = PairAddresses(i, ctx, baseValue);
        ctx.Store(4, first, ctx.Reg(14));
        ctx.Store(4, ir.Add(first, Value.I32(4)), spsr);
        if (i.Flag('W')) ir.Emit(Opcode.CallOut, (ulong)CallOutKind.WriteBanked, final, Value.I32(sp));
    }

    /// <summary>RFE: PC and CPSR from two words at Rn, as an exception return. UNPREDICTABLE in User mode; like QEMU, UNDEFINED there.</summary>
    private static void ReturnFromException(in Instruction i, LiftContext ctx)
    {
        if (!ctx.Privileged)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return;
        }
        var ir = ctx.Ir;
        var (first, final) = PairAddresses(i, ctx, ctx.Reg(i.Rn));
        var pc = ctx.Load(4, first);
        var cpsr = ctx.Load(4, ir.Add(first, Value.I32(4)));
        if (i.Flag('W')) ir.SetReg(i.Rn, final);
        ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ReturnFromException, pc, cpsr);
        ctx.Terminate(new ContinueAtState());
    }

    /// <summary>
    /// ERET outside Hyp mode returns as SUBS PC, LR, #0 does (the Virtualization Extensions' rule, which
    /// QEMU follows for PL1); it is UNDEFINED in User mode.
    /// </summary>
    private static void ExceptionReturn(in Instruction i, LiftContext ctx)
    {
        if (!ctx.Privileged)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return;
        }
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ExceptionReturn, ctx.Reg(14));
        ctx.Terminate(new ContinueAtState());
    }

    /// <summary>The lower address of the two words SRS and RFE transfer (DA, IA, DB, IB by P and U), and the written-back base.</summary>
    private static (Value First, Value Final) PairAddresses(in Instruction i, LiftContext ctx, Value baseValue)
    {
        var ir = ctx.Ir;
        bool before = i.Flag('P'), up = i.Flag('U');
        uint start = (up, before) switch { (true, false) => 0u, (true, true) => 4u, (false, false) => unchecked((uint)-4), (false, true) => unchecked((uint)-8) };
        var final = up ? ir.Add(baseValue, Value.I32(8)) : ir.Sub(baseValue, Value.I32(8));
        return (ir.Add(baseValue, Value.I32(start)), final);
    }
}
