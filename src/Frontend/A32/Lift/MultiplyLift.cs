using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the 32-bit and long multiplies (MUL, MLA, MLS, UMULL, UMLAL, SMULL, SMLAL, UMAAL), the
/// most-significant-word multiplies (SMMUL, SMMLA, SMMLS), SDIV/UDIV and USAD8/USADA8.
/// </summary>
internal static class MultiplyLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Mul, Short), (Op.Mla, Short), (Op.Mls, Short),
        (Op.Umull, Long), (Op.Umlal, Long), (Op.Smull, Long), (Op.Smlal, Long), (Op.Umaal, Long),
        (Op.Smmul, MostSignificantWord), (Op.Smmla, MostSignificantWord), (Op.Smmls, MostSignificantWord),
        (Op.Sdiv, Divide), (Op.Udiv, Divide),
        (Op.Usad8, SumOfAbsoluteDifferences), (Op.Usada8, SumOfAbsoluteDifferences),
    ];

    private static void SetNz(LiftContext ctx, in Instruction i, Value negative, Value zero)
    {
        if (!i.SetFlags) return;
        ctx.Ir.SetFlag(Flag.N, negative);
        ctx.Ir.SetFlag(Flag.Z, zero);
    }

    private static void Short(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var product = ir.Mul(ctx.Reg(i.Rn), ctx.Reg(i.Rm));
        var result = i.Op switch
        {
            Op.Mla => ir.Add(product, ctx.Reg(i.Ra)),
            Op.Mls => ir.Sub(ctx.Reg(i.Ra), product),
            _ => product,
        };
        ctx.SetReg(i.Rd, result, exchange: false);
        SetNz(ctx, i, ir.IsNegative(result), ir.IsZero(result));
    }

    /// <summary>RdLo is field a, RdHi field d.</summary>
    private static void Long(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        bool signed = i.Op is Op.Smull or Op.Smlal;
        var product = ir.Emit(signed ? Opcode.MulS64 : Opcode.MulU64, ctx.Reg(i.Rn), ctx.Reg(i.Rm));
        var result = i.Op switch
        {
            Op.Umlal or Op.Smlal => ir.Emit(Opcode.Add64, product, ir.Emit(Opcode.Pack64, ctx.Reg(i.Rd), ctx.Reg(i.Ra))),
            Op.Umaal => ir.Emit(Opcode.Add64, ir.Emit(Opcode.Add64, product, ir.Emit(Opcode.ZeroExtend64, ctx.Reg(i.Rd))),
                ir.Emit(Opcode.ZeroExtend64, ctx.Reg(i.Ra))),
            _ => product,
        };
        var low = ir.Emit(Opcode.Lo32, result);
        var high = ir.Emit(Opcode.Hi32, result);
        ctx.SetReg(i.Ra, low, exchange: false);
        ctx.SetReg(i.Rd, high, exchange: false);
        SetNz(ctx, i, ir.IsNegative(high), ir.IsZero(ir.Or(low, high)));
    }

    private static void Divide(in Instruction i, LiftContext ctx) =>
        ctx.SetReg(i.Rd, ctx.Ir.Emit(i.Op == Op.Sdiv ? Opcode.SDiv : Opcode.UDiv, ctx.Reg(i.Rn), ctx.Reg(i.Rm)), exchange: false);

    /// <summary>Bits 63:32 of Ra:0 plus or minus Rn * Rm (signed, modulo 2^64); R rounds by adding 2^31 first.</summary>
    private static void MostSignificantWord(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var product = ir.Emit(Opcode.MulS64, ctx.Reg(i.Rn), ctx.Reg(i.Rm));
        var result = i.Op switch
        {
            Op.Smmla => ir.Emit(Opcode.Add64, ir.Emit(Opcode.Pack64, ctx.Reg(i.Ra), Value.I32(0)), product),
            Op.Smmls => ir.Emit(Opcode.Sub64, ir.Emit(Opcode.Pack64, ctx.Reg(i.Ra), Value.I32(0)), product),
            _ => product,
        };
        if (i.Flag('R')) result = ir.Emit(Opcode.Add64, result, Value.I64(0x8000_0000));
        ctx.SetReg(i.Rd, ir.Emit(Opcode.Hi32, result), exchange: false);
    }

    private static void SumOfAbsoluteDifferences(in Instruction i, LiftContext ctx)
    {
        var sum = ctx.Ir.Emit(Opcode.Packed, (ulong)PackedOp.Usad8, ctx.Reg(i.Rn), ctx.Reg(i.Rm));
        ctx.SetReg(i.Rd, i.Op == Op.Usada8 ? ctx.Ir.Add(sum, ctx.Reg(i.Ra)) : sum, exchange: false);
    }
}
