using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.VfpRules;
using static Translator.Frontend.A32.Disasm.VfpDataProcessingText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Floating-point data processing: the VFPv4 arithmetic, moves, compares and conversions in the
/// CDP space of coprocessors 10 and 11 (bit 8, Z, is the ARM ARM's sz: double precision), the
/// unconditional ARMv8 additions (VSEL, VMAXNM, VCVTA, VRINTA, ...), and the ARMv8.2
/// half-precision forms GNU tools print in coprocessor 9.
/// Register fields hold D:Vd, Vn:N and M:Vm (see <see cref="VfpRegisters"/>).
/// </summary>
public static class VfpDataProcessing
{
    private static readonly Rule NegativeFractionBits = (in Instruction i) =>
        FractionBits(i) < 0 ? Reason.FieldValue : Reason.None;

    private static readonly Rule Unallocated = (in Instruction _) => Reason.NoEncoding;

    /// <summary>
    /// A single/double precision line (its pattern has <c>101Z</c> at bits 11:8) and, when GNU knows
    /// one, its half-precision twin in coprocessor 9 (ARMv8.2; a condition other than AL is
    /// UNPREDICTABLE there).
    /// </summary>
    private static Encoding[] WithHalf(string name, Op op, string pattern, TextForm text, Feature feature, params Rule[] rules)
    {
        string half = pattern.Replace("101Z", "1001", StringComparison.Ordinal);
        Rule[] halfRules = pattern.StartsWith("cccc", StringComparison.Ordinal) ? [.. rules, ConditionalHalf] : rules;
        return
        [
            new(name, op, pattern, text, feature, rules),
            new(name + " (half precision)", op, half, text, Feature.Fp16, halfRules),
        ];
    }

    public static readonly Encoding[] Lines =
    [
        .. WithHalf("VMLA", Op.Vmla, "cccc11100d00nnnndddd101Zn0m0mmmm", Three("vmla"), Feature.Vfp),
        .. WithHalf("VMLS", Op.Vmls, "cccc11100d00nnnndddd101Zn1m0mmmm", Three("vmls"), Feature.Vfp),
        .. WithHalf("VNMLS", Op.Vnmls, "cccc11100d01nnnndddd101Zn0m0mmmm", Three("vnmls"), Feature.Vfp),
        .. WithHalf("VNMLA", Op.Vnmla, "cccc11100d01nnnndddd101Zn1m0mmmm", Three("vnmla"), Feature.Vfp),
        .. WithHalf("VMUL", Op.Vmul, "cccc11100d10nnnndddd101Zn0m0mmmm", Three("vmul"), Feature.Vfp),
        .. WithHalf("VNMUL", Op.Vnmul, "cccc11100d10nnnndddd101Zn1m0mmmm", Three("vnmul"), Feature.Vfp),
        .. WithHalf("VADD", Op.Vadd, "cccc11100d11nnnndddd101Zn0m0mmmm", Three("vadd"), Feature.Vfp),
        .. WithHalf("VSUB", Op.Vsub, "cccc11100d11nnnndddd101Zn1m0mmmm", Three("vsub"), Feature.Vfp),
        .. WithHalf("VDIV", Op.Vdiv, "cccc11101d00nnnndddd101Zn0m0mmmm", Three("vdiv"), Feature.Vfp),
        .. WithHalf("VFNMS", Op.Vfnms, "cccc11101d01nnnndddd101Zn0m0mmmm", Three("vfnms"), Feature.Vfp),
        .. WithHalf("VFNMA", Op.Vfnma, "cccc11101d01nnnndddd101Zn1m0mmmm", Three("vfnma"), Feature.Vfp),
        .. WithHalf("VFMA", Op.Vfma, "cccc11101d10nnnndddd101Zn0m0mmmm", Three("vfma"), Feature.Vfp),
        .. WithHalf("VFMS", Op.Vfms, "cccc11101d10nnnndddd101Zn1m0mmmm", Three("vfms"), Feature.Vfp),

        // VFPExpandImm(imm4H:imm4L); GNU leaves the words with bit 7 or 5 set (should-be-zero) undecoded.
        .. WithHalf("VMOV (immediate)", Op.VmovImm, "cccc11101d11iiiidddd101Z0000iiii", MoveImmediate, Feature.Vfp),
        new("VMOV (register)", Op.VmovReg, "cccc11101d110000dddd101Z01m0mmmm", Two("vmov"), Feature.Vfp),
        .. WithHalf("VABS", Op.Vabs, "cccc11101d110000dddd101Z11m0mmmm", Two("vabs"), Feature.Vfp),
        .. WithHalf("VNEG", Op.Vneg, "cccc11101d110001dddd101Z01m0mmmm", Two("vneg"), Feature.Vfp),
        .. WithHalf("VSQRT", Op.Vsqrt, "cccc11101d110001dddd101Z11m0mmmm", Two("vsqrt"), Feature.Vfp),
        new("VCVTB (half and single precision)", Op.Vcvtb, "cccc11101d11001Odddd101001m0mmmm", ConvertHalf, Feature.Vfp),
        new("VCVTT (half and single precision)", Op.Vcvtt, "cccc11101d11001Odddd101011m0mmmm", ConvertHalf, Feature.Vfp),
        new("VCVTB (half and double precision)", Op.Vcvtb, "cccc11101d11001Odddd101101m0mmmm", ConvertHalf, Feature.V8),
        new("VCVTT (half and double precision)", Op.Vcvtt, "cccc11101d11001Odddd101111m0mmmm", ConvertHalf, Feature.V8),
        new("VCVTB (BFloat16)", Op.VcvtbBf16, "cccc11101d110011dddd100101m0mmmm", ConvertBfloat16, Feature.V8),
        new("VCVTT (BFloat16)", Op.VcvttBf16, "cccc11101d110011dddd100111m0mmmm", ConvertBfloat16, Feature.V8),
        .. WithHalf("VCMP", Op.Vcmp, "cccc11101d110100dddd101Z01m0mmmm", Compare, Feature.Vfp),
        .. WithHalf("VCMPE", Op.Vcmpe, "cccc11101d110100dddd101Z11m0mmmm", Compare, Feature.Vfp),
        .. WithHalf("VCMP (with zero)", Op.Vcmp, "cccc11101d110101dddd101Z0100(0)(0)(0)(0)", CompareWithZero, Feature.Vfp),
        .. WithHalf("VCMPE (with zero)", Op.Vcmpe, "cccc11101d110101dddd101Z1100(0)(0)(0)(0)", CompareWithZero, Feature.Vfp),
        .. WithHalf("VRINTR", Op.Vrintr, "cccc11101d110110dddd101Z01m0mmmm", Two("vrintr"), Feature.V8),
        .. WithHalf("VRINTZ", Op.Vrintz, "cccc11101d110110dddd101Z11m0mmmm", Two("vrintz"), Feature.V8),
        .. WithHalf("VRINTX", Op.Vrintx, "cccc11101d110111dddd101Z01m0mmmm", Two("vrintx"), Feature.V8),
        new Encoding("VRINT slot with op and bit 16 set (half precision): unallocated", Op.Undefined,
            "cccc11101d110111dddd100111m0mmmm", UnallocatedRound, Feature.Fp16).UndefinedWhen(Unallocated),
        new("VCVT (between double and single precision)", Op.VcvtDoubleSingle, "cccc11101d110111dddd101Z11m0mmmm", ConvertDoubleSingle, Feature.Vfp),
        .. WithHalf("VCVT (from integer)", Op.Vcvt, "cccc11101d111000dddd101ZO1m0mmmm", ConvertFromInteger, Feature.Vfp),
        new("VJCVT", Op.Vjcvt, "cccc11101d111001dddd101111m0mmmm", JavaScriptConvert, Feature.V8),
        new("VCVT (between floating point and fixed point)", Op.VcvtFixed, "cccc11101d111O1Udddd101ZX1i0iiii", ConvertFixed, Feature.Vfp, NegativeFractionBits),
        // GNU knows only the 32-bit fixed-point operands (sx = 1) of the half-precision form.
        new("VCVT (between half precision and fixed point)", Op.VcvtFixed, "cccc11101d111O1Udddd100111i0iiii", ConvertFixed, Feature.Fp16, ConditionalHalf),
        .. WithHalf("VCVT (to integer, round toward zero)", Op.Vcvt, "cccc11101d11110Odddd101Z11m0mmmm", ConvertToInteger, Feature.Vfp),
        .. WithHalf("VCVTR (to integer, FPSCR rounding)", Op.Vcvtr, "cccc11101d11110Odddd101Z01m0mmmm", ConvertToInteger, Feature.Vfp),

        .. WithHalf("VSEL", Op.Vsel, "111111100djjnnnndddd101Zn0m0mmmm", Select, Feature.V8),
        .. WithHalf("VMAXNM", Op.Vmaxnm, "111111101d00nnnndddd101Zn0m0mmmm", Three("vmaxnm"), Feature.V8),
        .. WithHalf("VMINNM", Op.Vminnm, "111111101d00nnnndddd101Zn1m0mmmm", Three("vminnm"), Feature.V8),
        .. WithHalf("VCVTA", Op.Vcvta, "111111101d111100dddd101ZO1m0mmmm", ConvertDirected("vcvta"), Feature.V8),
        .. WithHalf("VCVTN", Op.Vcvtn, "111111101d111101dddd101ZO1m0mmmm", ConvertDirected("vcvtn"), Feature.V8),
        .. WithHalf("VCVTP", Op.Vcvtp, "111111101d111110dddd101ZO1m0mmmm", ConvertDirected("vcvtp"), Feature.V8),
        .. WithHalf("VCVTM", Op.Vcvtm, "111111101d111111dddd101ZO1m0mmmm", ConvertDirected("vcvtm"), Feature.V8),
        .. WithHalf("VRINTA", Op.Vrinta, "111111101d111000dddd101Z01m0mmmm", Two("vrinta"), Feature.V8),
        .. WithHalf("VRINTN", Op.Vrintn, "111111101d111001dddd101Z01m0mmmm", Two("vrintn"), Feature.V8),
        .. WithHalf("VRINTP", Op.Vrintp, "111111101d111010dddd101Z01m0mmmm", Two("vrintp"), Feature.V8),
        .. WithHalf("VRINTM", Op.Vrintm, "111111101d111011dddd101Z01m0mmmm", Two("vrintm"), Feature.V8),
        new("VINS", Op.Vins, "111111101d110000dddd101011m0mmmm", Half("vins"), Feature.Fp16),
        new("VMOVX", Op.Vmovx, "111111101d110000dddd101001m0mmmm", Half("vmovx"), Feature.Fp16),
    ];
}
