using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the signed halfword multiplies: SMUL&lt;x&gt;&lt;y&gt;, SMLA&lt;x&gt;&lt;y&gt;, SMLAL&lt;x&gt;&lt;y&gt;
/// (16 x 16 bits) and SMULW&lt;y&gt;, SMLAW&lt;y&gt; (32 x 16 bits, the top 32 of 48 bits kept).
/// The accumulating 32-bit forms set Q when the addition overflows; nothing here sets N, Z, C or V.
/// </summary>
internal static class MultiplyHalfwordLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Smulbb, Halfwords), (Op.Smultb, Halfwords), (Op.Smulbt, Halfwords), (Op.Smultt, Halfwords),
        (Op.Smlabb, Halfwords), (Op.Smlatb, Halfwords), (Op.Smlabt, Halfwords), (Op.Smlatt, Halfwords),
        (Op.Smlalbb, LongHalfwords), (Op.Smlaltb, LongHalfwords), (Op.Smlalbt, LongHalfwords), (Op.Smlaltt, LongHalfwords),
        (Op.Smulwb, WordByHalfword), (Op.Smulwt, WordByHalfword), (Op.Smlawb, WordByHalfword), (Op.Smlawt, WordByHalfword),
    ];

    /// <summary>The name's &lt;x&gt; is T: the top half of Rn is multiplied.</summary>
    private static bool RnTop(Op op) => op is Op.Smultb or Op.Smultt or Op.Smlatb or Op.Smlatt or Op.Smlaltb or Op.Smlaltt;

    /// <summary>The name's &lt;y&gt; is T: the top half of Rm is multiplied.</summary>
    private static bool RmTop(Op op) =>
        op is Op.Smulbt or Op.Smultt or Op.Smlabt or Op.Smlatt or Op.Smlalbt or Op.Smlaltt or Op.Smulwt or Op.Smlawt;

    /// <summary>The signed value of one half of a word, as 32 bits.</summary>
    internal static Value Half(IrBuilder ir, Value word, bool top) =>
        top ? ir.Emit(Opcode.Asr, word, Value.I32(16)) : ir.Emit(Opcode.SignExtend16, word);

    /// <summary>Two signed halves multiplied: at most 2^30 in magnitude, so 32 bits hold the product exactly.</summary>
    private static Value Product(in Instruction i, LiftContext ctx) =>
        ctx.Ir.Mul(Half(ctx.Ir, ctx.Reg(i.Rn), RnTop(i.Op)), Half(ctx.Ir, ctx.Reg(i.Rm), RmTop(i.Op)));

    private static void Halfwords(in Instruction i, LiftContext ctx)
    {
        var product = Product(i, ctx);
        if (i.Op is Op.Smulbb or Op.Smultb or Op.Smulbt or Op.Smultt)
        {
            ctx.SetReg(i.Rd, product, exchange: false);
            return;
        }
        var addend = ctx.Reg(i.Ra);
        StickyQ.SetWhen(ctx, ctx.Ir.OverflowOfAdd(product, addend, Value.Bool(false)));
        ctx.SetReg(i.Rd, ctx.Ir.Add(product, addend), exchange: false);
    }

    /// <summary>RdLo is field a, RdHi field d; the 64-bit accumulation wraps and sets no flag.</summary>
    private static void LongHalfwords(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var product = ir.Emit(Opcode.SignExtend64, Product(i, ctx));
        var result = ir.Emit(Opcode.Add64, product, ir.Emit(Opcode.Pack64, ctx.Reg(i.Rd), ctx.Reg(i.Ra)));
        ctx.SetReg(i.Ra, ir.Emit(Opcode.Lo32, result), exchange: false);
        ctx.SetReg(i.Rd, ir.Emit(Opcode.Hi32, result), exchange: false);
    }

    /// <summary>
    /// Bits 47:16 of Rn times a half of Rm. Adding Ra shifted left by 16 before that shift equals adding
    /// Ra after it (the shifted-out bits of Ra&lt;&lt;16 are zero), so SMLAW's overflow is a 32-bit one.
    /// </summary>
    private static void WordByHalfword(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var wide = ir.Emit(Opcode.MulS64, ctx.Reg(i.Rn), Half(ir, ctx.Reg(i.Rm), RmTop(i.Op)));
        var middle = ir.Or(ir.Emit(Opcode.Lsl, ir.Emit(Opcode.Hi32, wide), Value.I32(16)),
            ir.Emit(Opcode.Lsr, ir.Emit(Opcode.Lo32, wide), Value.I32(16)));
        if (i.Op is Op.Smulwb or Op.Smulwt)
        {
            ctx.SetReg(i.Rd, middle, exchange: false);
            return;
        }
        var addend = ctx.Reg(i.Ra);
        StickyQ.SetWhen(ctx, ir.OverflowOfAdd(middle, addend, Value.Bool(false)));
        ctx.SetReg(i.Rd, ir.Add(middle, addend), exchange: false);
    }
}
