using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the dual signed 16 x 16 multiplies: SMUAD, SMUSD, SMLAD, SMLSD (32-bit result) and
/// SMLALD, SMLSLD (64-bit accumulator). X exchanges the halves of Rm first. The bottom halves'
/// product is added to (or the top halves' product subtracted from) the other; the 32-bit forms
/// that add set Q when the exact sum does not fit in 32 bits (SMUSD's difference always fits).
/// </summary>
internal static class MultiplyDualLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Smuad, Dual), (Op.Smusd, Dual), (Op.Smlad, Dual), (Op.Smlsd, Dual),
        (Op.Smlald, LongDual), (Op.Smlsld, LongDual),
    ];

    /// <summary>The sign-extended products of the bottom halves and of the top halves.</summary>
    private static (Value Bottom, Value Top) Products(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var n = ctx.Reg(i.Rn);
        var m = ctx.Reg(i.Rm);
        if (i.Flag('X')) m = ir.Emit(Opcode.Ror, m, Value.I32(16));
        var bottom = ir.Mul(MultiplyHalfwordLift.Half(ir, n, top: false), MultiplyHalfwordLift.Half(ir, m, top: false));
        var top = ir.Mul(MultiplyHalfwordLift.Half(ir, n, top: true), MultiplyHalfwordLift.Half(ir, m, top: true));
        return (ir.Emit(Opcode.SignExtend64, bottom), ir.Emit(Opcode.SignExtend64, top));
    }

    private static bool Subtracts(Op op) => op is Op.Smusd or Op.Smlsd or Op.Smlsld;

    private static Value Combine(IrBuilder ir, Op op, Value bottom, Value top) =>
        ir.Emit(Subtracts(op) ? Opcode.Sub64 : Opcode.Add64, bottom, top);

    private static void Dual(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var (bottom, top) = Products(i, ctx);
        var result = Combine(ir, i.Op, bottom, top);
        if (i.Op is Op.Smlad or Op.Smlsd) result = ir.Emit(Opcode.Add64, result, ir.Emit(Opcode.SignExtend64, ctx.Reg(i.Ra)));
        if (i.Op != Op.Smusd) StickyQ.SetWhen(ctx, ir.Emit(Opcode.SignedSaturates64To32, result));
        ctx.SetReg(i.Rd, ir.Emit(Opcode.Lo32, result), exchange: false);
    }

    /// <summary>RdLo is field a, RdHi field d; the 64-bit accumulation wraps and sets no flag.</summary>
    private static void LongDual(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var (bottom, top) = Products(i, ctx);
        var accumulator = ir.Emit(Opcode.Pack64, ctx.Reg(i.Rd), ctx.Reg(i.Ra));
        var result = ir.Emit(Opcode.Add64, accumulator, Combine(ir, i.Op, bottom, top));
        ctx.SetReg(i.Ra, ir.Emit(Opcode.Lo32, result), exchange: false);
        ctx.SetReg(i.Rd, ir.Emit(Opcode.Hi32, result), exchange: false);
    }
}
