using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;
using static Translator.Frontend.A32.Lift.VfpRegisterFile;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Floating-point data processing in single and double precision: arithmetic, the chained
/// multiply-accumulates (a product rounded, then a sum rounded: two operations, as the ARM ARM
/// writes them, NaN signs and all) and the fused ones (one rounding), square root, absolute value
/// and negation, moves, comparisons and every VFPv4 conversion. The vector-capable instructions
/// check that FPSCR asks for no short vectors; comparisons and conversions are always scalar.
/// The half-precision (coprocessor 9) and ARMv8 forms are UNDEFINED on a Cortex-A15 and never
/// reach these handlers.
/// </summary>
internal static class VfpDataProcessingLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Vadd, Arithmetic), (Op.Vsub, Arithmetic), (Op.Vmul, Arithmetic), (Op.Vdiv, Arithmetic), (Op.Vnmul, Arithmetic),
        (Op.Vmla, Arithmetic), (Op.Vmls, Arithmetic), (Op.Vnmla, Arithmetic), (Op.Vnmls, Arithmetic),
        (Op.Vfma, Fused), (Op.Vfms, Fused), (Op.Vfnma, Fused), (Op.Vfnms, Fused),
        (Op.Vabs, Unary), (Op.Vneg, Unary), (Op.Vsqrt, Unary), (Op.VmovReg, Unary),
        (Op.VmovImm, MoveImmediate),
        (Op.Vcmp, Compare), (Op.Vcmpe, Compare),
        (Op.Vcvt, ConvertInteger), (Op.Vcvtr, ConvertInteger), (Op.VcvtFixed, ConvertFixed),
        (Op.VcvtDoubleSingle, ConvertPrecision), (Op.Vcvtb, ConvertHalf), (Op.Vcvtt, ConvertHalf),
    ];

    private static Value Vd(LiftContext ctx, in Instruction i) => Read(ctx, IsDouble(i), Sd(i), Dd(i));
    private static Value Vn(LiftContext ctx, in Instruction i) => Read(ctx, IsDouble(i), Sn(i), Dn(i));
    private static Value Vm(LiftContext ctx, in Instruction i) => Read(ctx, IsDouble(i), Sm(i), Dm(i));
    private static void SetVd(LiftContext ctx, in Instruction i, Value v) => Write(ctx, IsDouble(i), Sd(i), Dd(i), v);

    private static Value Op2(LiftContext ctx, Opcode single, Value a, Value b) =>
        ctx.Ir.Emit(a.Type == IrType.I64 ? single + 1 : single, a, b);

    private static void Arithmetic(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled | VfpAccess.Scalar);
        var n = Vn(ctx, i);
        var m = Vm(ctx, i);
        Value result;
        if (i.Op is Op.Vadd or Op.Vsub or Op.Vdiv)
        {
            result = Op2(ctx, i.Op switch { Op.Vadd => Opcode.FpAdd32, Op.Vsub => Opcode.FpSub32, _ => Opcode.FpDiv32 }, n, m);
        }
        else
        {
            var product = Op2(ctx, Opcode.FpMul32, n, m);
            result = i.Op switch
            {
                Op.Vmul => product,
                Op.Vnmul => Negate(ctx, product),
                Op.Vmla => Op2(ctx, Opcode.FpAdd32, Vd(ctx, i), product),
                Op.Vmls => Op2(ctx, Opcode.FpAdd32, Vd(ctx, i), Negate(ctx, product)),
                Op.Vnmla => Op2(ctx, Opcode.FpAdd32, Negate(ctx, Vd(ctx, i)), Negate(ctx, product)),
                _ => Op2(ctx, Opcode.FpAdd32, Negate(ctx, Vd(ctx, i)), product),
            };
        }
        SetVd(ctx, i, result);
    }

    /// <summary>FPMulAdd(addend, op1, op2) with the negations of VFMS (op1), VFNMA (both) and VFNMS (addend).</summary>
    private static void Fused(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled | VfpAccess.Scalar);
        var d = Vd(ctx, i);
        var n = Vn(ctx, i);
        var m = Vm(ctx, i);
        if (i.Op is Op.Vfnma or Op.Vfnms) d = Negate(ctx, d);
        if (i.Op is Op.Vfms or Op.Vfnma) n = Negate(ctx, n);
        SetVd(ctx, i, ctx.Ir.Emit(d.Type == IrType.I64 ? Opcode.FpMulAdd64 : Opcode.FpMulAdd32, d, n, m));
    }

    private static void Unary(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled | VfpAccess.Scalar);
        var m = Vm(ctx, i);
        SetVd(ctx, i, i.Op switch
        {
            Op.Vabs => Absolute(ctx, m),
            Op.Vneg => Negate(ctx, m),
            Op.Vsqrt => ctx.Ir.Emit(m.Type == IrType.I64 ? Opcode.FpSqrt64 : Opcode.FpSqrt32, m),
            _ => m,
        });
    }

    /// <summary>VFPExpandImm: sign, an exponent of NOT(b):b..b:cd and a fraction of efgh followed by zeros.</summary>
    private static void MoveImmediate(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled | VfpAccess.Scalar);
        uint imm8 = i.Imm;
        ulong sign = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3F;
        if (IsDouble(i))
        {
            ulong exponentTop = ((b ^ 1) << 8) | (b * 0xFF);
            SetD(ctx, Dd(i), Value.I64((sign << 63) | (exponentTop << 54) | (cdefgh << 48)));
        }
        else
        {
            ulong exponentTop = ((b ^ 1) << 5) | (b * 0x1F);
            SetS(ctx, Sd(i), Value.I32((uint)((sign << 31) | (exponentTop << 25) | (cdefgh << 19))));
        }
    }

    /// <summary>VCMP and VCMPE of Vd with Vm, or with +0.0 (the encodings with bit 16 set).</summary>
    private static void Compare(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        bool dp = IsDouble(i);
        var d = Vd(ctx, i);
        var m = (i.Word & (1 << 16)) != 0 ? (dp ? Value.I64(0) : Value.I32(0)) : Vm(ctx, i);
        ctx.Ir.Emit(dp ? Opcode.FpCompare64 : Opcode.FpCompare32, i.Op == Op.Vcmpe ? 1UL : 0, d, m);
    }

    /// <summary>
    /// VCVT between floating point and a 32-bit integer in an S register. To an integer (bit 18 set)
    /// rounds toward zero, VCVTR by FPSCR's mode, and bit 16 says signed; from an integer, bit 7 does.
    /// </summary>
    private static void ConvertInteger(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        bool dp = IsDouble(i);
        if ((i.Word & (1 << 18)) != 0)
        {
            var format = FixedPoint.Integer(unsigned: (i.Word & (1 << 16)) == 0, towardZero: i.Op == Op.Vcvt);
            var m = Vm(ctx, i);
            SetS(ctx, Sd(i), ctx.Ir.Emit(dp ? Opcode.FpDoubleToFixed : Opcode.FpSingleToFixed, format.Aux, m));
        }
        else
        {
            var format = FixedPoint.Integer(unsigned: (i.Word & (1 << 7)) == 0, towardZero: false);
            SetVd(ctx, i, ctx.Ir.Emit(dp ? Opcode.FpFixedToDouble : Opcode.FpFixedToSingle, format.Aux, S(ctx, Sm(i))));
        }
    }

    /// <summary>
    /// VCVT between floating point and fixed point in place: flag O converts to fixed point (toward
    /// zero), flag U makes it unsigned, bit 7 (sx) 32 bits wide rather than 16. A 16-bit result fills
    /// its register extended; a 16-bit operand is the register's low half.
    /// </summary>
    private static void ConvertFixed(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        bool dp = IsDouble(i), toFixed = i.Flag('O'), unsigned = i.Flag('U');
        var format = new FixedPoint(VfpDataProcessingText.FractionBits(i), unsigned, Halfword: (i.Word & (1 << 7)) == 0, TowardZero: toFixed);
        var ir = ctx.Ir;
        var d = Vd(ctx, i);
        Value result;
        if (toFixed)
        {
            var word = ir.Emit(dp ? Opcode.FpDoubleToFixed : Opcode.FpSingleToFixed, format.Aux, d);
            result = !dp ? word : ir.Emit(unsigned ? Opcode.ZeroExtend64 : Opcode.SignExtend64, word);
        }
        else
        {
            result = ir.Emit(dp ? Opcode.FpFixedToDouble : Opcode.FpFixedToSingle, format.Aux, dp ? ir.Emit(Opcode.Lo32, d) : d);
        }
        SetVd(ctx, i, result);
    }

    /// <summary>VCVT between double and single precision: the encoding's precision is the source's.</summary>
    private static void ConvertPrecision(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        if (IsDouble(i)) SetS(ctx, Sd(i), ctx.Ir.Emit(Opcode.FpDoubleToSingle, D(ctx, Dm(i))));
        else SetD(ctx, Dd(i), ctx.Ir.Emit(Opcode.FpSingleToDouble, S(ctx, Sm(i))));
    }

    /// <summary>
    /// VCVTB (bottom half) and VCVTT (top half) between half and single precision; flag O converts to
    /// half precision, which replaces only that half of Sd.
    /// </summary>
    private static void ConvertHalf(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        var ir = ctx.Ir;
        bool top = i.Op == Op.Vcvtt;
        var m = S(ctx, Sm(i));
        if (i.Flag('O'))
        {
            var half = ir.Emit(Opcode.ZeroExtend16, ir.Emit(Opcode.FpSingleToHalf, m));
            var d = S(ctx, Sd(i));
            SetS(ctx, Sd(i), top
                ? ir.Or(ir.And(d, Value.I32(0xFFFF)), ir.Emit(Opcode.Lsl, half, Value.I32(16)))
                : ir.Or(ir.And(d, Value.I32(0xFFFF_0000)), half));
        }
        else
        {
            var half = top ? ir.Emit(Opcode.Lsr, m, Value.I32(16)) : ir.Emit(Opcode.ZeroExtend16, m);
            SetS(ctx, Sd(i), ir.Emit(Opcode.FpHalfToSingle, half));
        }
    }
}
