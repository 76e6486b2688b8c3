using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.Frontend.Thumb;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the Branch family: B, BL, BLX (immediate, register), BX, BXJ, in both instruction
/// set states (a Thumb record's offset is scattered over several fields, see ThumbImmediates), and
/// the Thumb-only CBZ/CBNZ and TBB/TBH.
/// </summary>
internal static class BranchLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.B, B),
        (Op.Bl, Bl),
        (Op.Blx, Blx),
        (Op.Bx, Bx),
        (Op.Bxj, Bx),
        (Op.Cbz, CompareAndBranch),
        (Op.Cbnz, CompareAndBranch),
        (Op.Tbb, TableBranch),
        (Op.Tbh, TableBranch),
    ];

    /// <summary>The target of B, BL or BLX (immediate): for BLX, in the other state (ARM targets word-aligned).</summary>
    internal static uint Target(in Instruction i, LiftContext ctx) =>
        ctx.Thumb ? ThumbImmediates.BranchTarget(i, ctx.Pc)
        : ctx.Pc + 8 + (uint)(Bits.SignExtend(i.Imm, 24) << 2) + (i.Op == Op.Blx && i.Flag('H') ? 2u : 0u);

    private static void B(in Instruction i, LiftContext ctx) => ctx.Terminate(new Jump(Target(i, ctx), ctx.Thumb));

    private static void Bl(in Instruction i, LiftContext ctx)
    {
        ctx.Ir.SetReg(14, ctx.Const(ctx.ReturnAddress));
        ctx.Terminate(new Jump(Target(i, ctx), ctx.Thumb));
    }

    private static void Blx(in Instruction i, LiftContext ctx)
    {
        if (i.Encoding!.Has(Field.Rm))
        {
            // Read the target before writing LR: BLX lr must branch to the old LR.
            var target = ctx.Reg(i.Rm);
            ctx.Ir.SetReg(14, ctx.Const(ctx.ReturnAddress));
            ctx.Terminate(new JumpIndirect(target, Exchange: true));
            return;
        }
        ctx.Ir.SetReg(14, ctx.Const(ctx.ReturnAddress));
        ctx.Terminate(new Jump(Target(i, ctx), Thumb: !ctx.Thumb));
    }

    /// <summary>CBZ/CBNZ: a forward branch on whether a low register is zero, with the flags untouched.</summary>
    private static void CompareAndBranch(in Instruction i, LiftContext ctx)
    {
        var zero = ctx.Ir.Emit(Opcode.IsZero, ctx.Reg(i.Rn));
        var taken = i.Op == Op.Cbz ? zero : ctx.Ir.Emit(Opcode.BoolNot, zero);
        ctx.Terminate(new If(taken, new Jump(ThumbImmediates.BranchTarget(i, ctx.Pc), true), new Jump(ctx.NextPc, true)));
    }

    /// <summary>TBB/TBH: PC + 2 * the byte or halfword at Rn + Rm (Rm * 2 for TBH).</summary>
    private static void TableBranch(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        bool half = i.Op == Op.Tbh;
        var index = ctx.Reg(i.Rm);
        var address = ir.Add(ctx.Reg(i.Rn), half ? ir.Emit(Opcode.Lsl, index, Value.I32(1)) : index);
        var entry = ctx.Load(half ? 2 : 1, address);
        var target = ir.Add(Value.I32(ctx.Pc + 4), ir.Emit(Opcode.Lsl, entry, Value.I32(1)));
        ctx.Terminate(new JumpIndirect(target, Exchange: false));
    }

    /// <summary>BX, and BXJ, which behaves as BX on a processor without Jazelle.</summary>
    private static void Bx(in Instruction i, LiftContext ctx) => ctx.Terminate(new JumpIndirect(ctx.Reg(i.Rm), Exchange: true));
}
