using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>Semantics of the Branch family: B, BL, BLX (immediate, register), BX, BXJ.</summary>
internal static class BranchLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.B, B),
        (Op.Bl, Bl),
        (Op.Blx, Blx),
        (Op.Bx, Bx),
        (Op.Bxj, Bx),
    ];

    internal static uint Target(in Instruction i, LiftContext ctx) => ctx.Pc + 8 + (uint)(Bits.SignExtend(i.Imm, 24) << 2);

    private static void B(in Instruction i, LiftContext ctx) => ctx.Terminate(new Jump(Target(i, ctx), false));

    private static void Bl(in Instruction i, LiftContext ctx)
    {
        ctx.Ir.SetReg(14, ctx.Const(ctx.NextPc));
        ctx.Terminate(new Jump(Target(i, ctx), false));
    }

    private static void Blx(in Instruction i, LiftContext ctx)
    {
        if (i.Encoding!.Pattern.Has(Field.Rm))
        {
            // Read the target before writing LR: BLX lr must branch to the old LR.
            var target = ctx.Reg(i.Rm);
            ctx.Ir.SetReg(14, ctx.Const(ctx.NextPc));
            ctx.Terminate(new JumpIndirect(target, Exchange: true));
            return;
        }
        ctx.Ir.SetReg(14, ctx.Const(ctx.NextPc));
        ctx.Terminate(new Jump(Target(i, ctx) + (i.Flag('H') ? 2u : 0u), Thumb: true));
    }

    /// <summary>BX, and BXJ, which behaves as BX on a processor without Jazelle.</summary>
    private static void Bx(in Instruction i, LiftContext ctx) => ctx.Terminate(new JumpIndirect(ctx.Reg(i.Rm), Exchange: true));
}
