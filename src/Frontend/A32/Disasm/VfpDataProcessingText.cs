using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.VfpOperandForm;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the VfpDataProcessing family's encodings.</summary>
internal static class VfpDataProcessingText
{
    private static readonly string[] SelectConditions = ["eq", "vs", "ge", "gt"];

    /// <summary>"vadd.f32 s0, s1, s2": destination and two sources of the encoding's precision.</summary>
    public static TextForm Three(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Text(Type(i)).Tab().Vd(i).Comma().Vn(i).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    };

    /// <summary>"vsqrt.f64 d0, d1": destination and one source of the encoding's precision.</summary>
    public static TextForm Two(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Text(Type(i)).Tab().Vd(i).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    };

    /// <summary>VINS and VMOVX: half-precision moves encoded in coprocessor 10 (GNU gives VINS no condition, even in a Thumb IT block).</summary>
    public static TextForm Half(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Text(name);
        if (i.Op != Op.Vins) w.Cond(i);
        w.Text(".f16").Tab().S(Sd(i)).Comma().S(Sm(i));
    };

    /// <summary>VCMP and VCMPE against a register.</summary>
    public static void Compare(in Instruction i, AsmWriter w)
    {
        w.Text(i.Op == Op.Vcmpe ? "vcmpe" : "vcmp").Cond(i).Text(Type(i)).Tab().Vd(i).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    }

    public static void CompareWithZero(in Instruction i, AsmWriter w)
    {
        w.Text(i.Op == Op.Vcmpe ? "vcmpe" : "vcmp").Cond(i).Text(Type(i)).Tab().Vd(i).Text(", #0.0");
        MarkConditionalHalf(i, w);
    }

    public static void MoveImmediate(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vmov", i).Text(Type(i)).Tab().Vd(i).Comma().FloatImmediate(i.Imm);
        MarkConditionalHalf(i, w);
    }

    /// <summary>VCVTB/VCVTT between half precision and single or double precision (flag O: to half).</summary>
    public static void ConvertHalf(in Instruction i, AsmWriter w)
    {
        w.Text(i.Op == Op.Vcvtt ? "vcvtt" : "vcvtb").Cond(i);
        bool toHalf = i.Flag('O');
        if (!IsDouble(i)) w.Text(toHalf ? ".f16.f32" : ".f32.f16").Tab().S(Sd(i)).Comma().S(Sm(i));
        else if (toHalf) w.Text(".f16.f64").Tab().S(Sd(i)).Comma().D(Dm(i));
        else w.Text(".f64.f16").Tab().D(Dd(i)).Comma().S(Sm(i));
    }

    public static void ConvertBfloat16(in Instruction i, AsmWriter w) =>
        w.Text(i.Op == Op.VcvttBf16 ? "vcvtt" : "vcvtb").Cond(i).Text(".bf16.f32").Tab().S(Sd(i)).Comma().S(Sm(i));

    public static void ConvertDoubleSingle(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vcvt", i);
        if (IsDouble(i)) w.Text(".f32.f64").Tab().S(Sd(i)).Comma().D(Dm(i));
        else w.Text(".f64.f32").Tab().D(Dd(i)).Comma().S(Sm(i));
    }

    /// <summary>From a 32-bit integer in an S register, signed when flag O is set.</summary>
    public static void ConvertFromInteger(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vcvt", i).Text(Type(i)).Text(i.Flag('O') ? ".s32" : ".u32").Tab().Vd(i).Comma().S(Sm(i));
        MarkConditionalHalf(i, w);
    }

    /// <summary>To a 32-bit integer in an S register, signed when flag O is set; VCVTR rounds as FPSCR says.</summary>
    public static void ConvertToInteger(in Instruction i, AsmWriter w)
    {
        w.Text(i.Op == Op.Vcvtr ? "vcvtr" : "vcvt").Cond(i).Text(i.Flag('O') ? ".s32" : ".u32").Text(Type(i))
            .Tab().S(Sd(i)).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    }

    /// <summary>Bit 7 (sx) of a fixed-point VCVT: a 32-bit rather than 16-bit fixed-point operand.</summary>
    private static bool FixedIs32Bits(in Instruction i) => ((i.Word >> 7) & 1) != 0;

    /// <summary>The number of fraction bits of a fixed-point VCVT: the operand size less imm4:i.</summary>
    public static int FractionBits(in Instruction i) => (FixedIs32Bits(i) ? 32 : 16) - MoveTopBitDown(i.Imm);

    /// <summary>Between floating point and fixed point in place; flag O converts to fixed point, flag U unsigned.</summary>
    public static void ConvertFixed(in Instruction i, AsmWriter w)
    {
        string fixedType = (i.Flag('U') ? ".u" : ".s") + (FixedIs32Bits(i) ? "32" : "16");
        w.Mnemonic("vcvt", i).Text(i.Flag('O') ? fixedType + Type(i) : Type(i) + fixedType)
            .Tab().Vd(i).Comma().Vd(i).Text(", #").Decimal(FractionBits(i));
        MarkConditionalHalf(i, w);
    }

    /// <summary>VCVTA/N/P/M: to a 32-bit integer with the rounding mode in the mnemonic (and a Thumb IT block's condition).</summary>
    public static TextForm ConvertDirected(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Text(i.Flag('O') ? ".s32" : ".u32").Text(Type(i)).Tab().S(Sd(i)).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    };

    public static void JavaScriptConvert(in Instruction i, AsmWriter w) =>
        w.Mnemonic("vjcvt", i).Text(".s32.f64").Tab().S(Sd(i)).Comma().D(Dm(i));

    /// <summary>VSEL: its own condition, then (in a Thumb IT block) the block's.</summary>
    public static void Select(in Instruction i, AsmWriter w)
    {
        w.Text("vsel").Text(SelectConditions[i.Imm2]).Cond(i).Text(Type(i)).Tab().Vd(i).Comma().Vn(i).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    }

    /// <summary>
    /// The half-precision VRINT slot with both op bits set has no instruction; GNU's table still
    /// matches it and prints the placeholder of its selector.
    /// </summary>
    public static void UnallocatedRound(in Instruction i, AsmWriter w)
    {
        w.Text("vrint?").Cond(i).Text(Type(i)).Tab().Vd(i).Comma().Vm(i);
        MarkConditionalHalf(i, w);
    }
}
