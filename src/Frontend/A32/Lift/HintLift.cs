using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Hints, memory hints, barriers and CLREX. On one vCPU the barriers order nothing the IR reorders;
/// ISB ends the block. Preloads have no effect the guest can observe (they never fault). WFI leaves
/// the block to wait for an interrupt; WFE is a hint that returns at once (with one vCPU only an
/// interrupt could send it an event, and the hypervisor delivers those between blocks anyway).
/// </summary>
internal static class HintLift
{
    private static void Nothing(in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.Hint, (ulong)i.Op);

    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Nop, Nothing), (Op.Yield, Nothing), (Op.Sev, Nothing), (Op.Sevl, Nothing), (Op.Wfe, Nothing), (Op.Dbg, Nothing),
        (Op.Csdb, Nothing), (Op.Esb, Nothing), (Op.Pld, Nothing), (Op.Pldw, Nothing), (Op.Pli, Nothing),
        (Op.Wfi, (in Instruction i, LiftContext ctx) => ctx.Terminate(new WaitForInterrupt(ctx.NextPc, ctx.Thumb))),
        (Op.Dmb, (in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.Barrier, (ulong)i.Op)),
        (Op.Dsb, (in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.Barrier, (ulong)i.Op)),
        (Op.Ssbb, (in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.Barrier, (ulong)i.Op)),
        (Op.Pssbb, (in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.Barrier, (ulong)i.Op)),
        (Op.Sb, (in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.Barrier, (ulong)i.Op)),
        (Op.Isb, (in Instruction i, LiftContext ctx) => ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb))),
        (Op.Clrex, (in Instruction i, LiftContext ctx) => ctx.Ir.Emit(Opcode.ClearExclusive)),
    ];
}
