using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the saturating instructions: QADD, QSUB, QDADD, QDSUB (32-bit signed saturation of
/// a 64-bit sum) and SSAT, USAT, SSAT16, USAT16. Each sets the sticky Q flag when it saturates and
/// never clears it.
/// </summary>
internal static class SaturatingLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Qadd, AddSubtract), (Op.Qsub, AddSubtract), (Op.Qdadd, AddSubtract), (Op.Qdsub, AddSubtract),
        (Op.Ssat, Saturate), (Op.Usat, Saturate), (Op.Ssat16, Saturate16), (Op.Usat16, Saturate16),
    ];

    /// <summary>SignedSatQ(value, 32) of a 64-bit value, setting Q when it saturates.</summary>
    private static Value SaturateTo32(LiftContext ctx, Value wide)
    {
        StickyQ.SetWhen(ctx, ctx.Ir.Emit(Opcode.SignedSaturates64To32, wide));
        return ctx.Ir.Emit(Opcode.SignedSaturate64To32, wide);
    }

    /// <summary>Rd = sat(Rm ± Rn), where the doubling forms first saturate 2 × Rn on its own.</summary>
    private static void AddSubtract(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var n = ctx.Reg(i.Rn);
        if (i.Op is Op.Qdadd or Op.Qdsub)
        {
            var wideN = ir.Emit(Opcode.SignExtend64, n);
            n = SaturateTo32(ctx, ir.Emit(Opcode.Add64, wideN, wideN));
        }
        var m = ir.Emit(Opcode.SignExtend64, ctx.Reg(i.Rm));
        var sum = ir.Emit(i.Op is Op.Qadd or Op.Qdadd ? Opcode.Add64 : Opcode.Sub64, m, ir.Emit(Opcode.SignExtend64, n));
        ctx.SetReg(i.Rd, SaturateTo32(ctx, sum), exchange: false);
    }

    /// <summary>SSAT saturates to i + 1 signed bits, USAT to i unsigned bits, after a left or arithmetic right shift (0 meaning 32).</summary>
    private static void Saturate(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var operand = ctx.Reg(i.Rn);
        if (i.Flag('H')) operand = ir.Emit(Opcode.Asr, operand, Value.I32(i.ShiftImm == 0 ? 32u : (uint)i.ShiftImm));
        else if (i.ShiftImm != 0) operand = ir.Emit(Opcode.Lsl, operand, Value.I32((uint)i.ShiftImm));
        bool signed = i.Op == Op.Ssat;
        ulong bits = signed ? i.Imm + 1 : i.Imm;
        StickyQ.SetWhen(ctx, ir.Emit(signed ? Opcode.SignedSaturates : Opcode.UnsignedSaturates, bits, operand));
        ctx.SetReg(i.Rd, ir.Emit(signed ? Opcode.SignedSaturate : Opcode.UnsignedSaturate, bits, operand), exchange: false);
    }

    /// <summary>SSAT16 and USAT16 saturate each halfword; the packed operation's GE result says whether either saturated.</summary>
    private static void Saturate16(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        bool signed = i.Op == Op.Ssat16;
        ulong aux = (ulong)(signed ? PackedOp.Ssat16 : PackedOp.Usat16) | (ulong)(signed ? i.Imm + 1 : i.Imm) << 8;
        var n = ctx.Reg(i.Rn);
        StickyQ.SetWhen(ctx, ir.Emit(Opcode.BoolNot, ir.IsZero(ir.Emit(Opcode.PackedGe, aux, n, Value.I32(0)))));
        ctx.SetReg(i.Rd, ir.Emit(Opcode.Packed, aux, n, Value.I32(0)), exchange: false);
    }
}
