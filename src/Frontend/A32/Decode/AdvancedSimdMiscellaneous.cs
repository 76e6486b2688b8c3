using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.AdvancedSimdRules;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Advanced SIMD data processing with bits 23, 21 and 20 set and bit 4 clear: VEXT (U clear), and
/// with U set the two-register miscellaneous operations (ARM ARM A7.4.5; size in bits 19:18, A in
/// 17:16, B in 10:6), VTBL/VTBX and VDUP (scalar). The ARMv8 AES, SHA-1/SHA-256, VRINT and
/// VCVT with rounding mode, and the ARMv8.2 half-precision forms (size 01) are here too.
/// </summary>
internal static class AdvancedSimdMiscellaneous
{
    private static readonly Rule Quad2 = QuadOddRegister("dm");
    private static readonly Rule Size3 = SizeIs(3);

    /// <summary>VUZP and VZIP of 32-bit elements need quadwords.</summary>
    private static readonly Rule DoublewordWords = (in Instruction i) =>
        !i.Flag('Q') && i.ElementSize == 2 ? Reason.FieldValue : Reason.None;

    /// <summary>A floating-point compare with zero, VABS or VNEG (F set): single precision in size 10, half precision in 01, UNDEFINED otherwise.</summary>
    private static Encoding[] FloatBySize(string name, Op op, string pattern) =>
    [
        Line(name, op, pattern + " where e=10", Quad2),
        Line(name + " (half precision)", op, pattern + " where e=01", Feature.Fp16, Quad2),
        Line(name, op, pattern + " where e=00", Always),
        Line(name, op, pattern + " where e=11", Always),
    ];

    /// <summary>An ARMv8 rounding or conversion: single precision in size 10, ARMv8.2 half precision in 01.</summary>
    private static Encoding[] Rounding(string name, Op op, string pattern) =>
    [
        Line(name, op, pattern + " where e=10", Feature.V8, Quad2),
        Line(name + " (half precision)", op, pattern + " where e=01", Feature.Fp16, Quad2),
    ];

    /// <summary>VRECPE, VRSQRTE, VCVT: single precision (size 10) since Advanced SIMD v1, half precision (01) in ARMv8.2.</summary>
    private static Encoding[] Estimate(string name, Op op, string pattern, params Rule[] halfUndefined) =>
    [
        Line(name, op, pattern + " where e=10", Quad2),
        Line(name + " (half precision)", op, pattern + " where e=01", Feature.Fp16, [Quad2, .. halfUndefined]),
    ];

    /// <summary>A table list (N:Vn and len+1 registers) that runs past D31 is UNPREDICTABLE.</summary>
    private static readonly Rule TableBeyondD31 = (in Instruction i) =>
        VfpRegisters.Dn(i) + (int)i.Imm + 1 > 32 ? Reason.RegisterList : Reason.None;

    private static readonly Rule NoEncoding = (in Instruction _) => Reason.NoEncoding;

    /// <summary>
    /// Words of this space no encoding of the ARM ARM claims, which GNU tools print as the
    /// instruction with the same bits 11:8, 6 and 4 and a size of 11 among the three-register and
    /// by-scalar forms (a line for each of those that GNU reads at size 11).
    /// </summary>
    private static Encoding Unallocated(string gnuReading, string pattern) =>
        Line($"unallocated ({gnuReading} with size 11 to GNU)", Op.Undefined, pattern, NoEncoding);

    public static readonly Encoding[] Lines =
    [
        Line("VEXT", Op.Vext, "11110010 1d11 nnnn dddd 0iii nQm0 mmmm", QuadOddRegister("dnm")),
        Line("VEXT", Op.Vext, "11110010 1d11 nnnn dddd 1iii n1m0 mmmm", OddRegister("dnm")),
        // Q clear with imm4<3> set is UNDEFINED; GNU reads most of these words as multiply-long forms of size 11.
        Line("VEXT", Op.Vext, "11110010 1d11 nnnn dddd 10ii n0m0 mmmm", Always),
        Line("VEXT", Op.Vext, "11110010 1d11 nnnn dddd 110i n0m0 mmmm", Always),

        // Every two-register miscellaneous line and VDUP fixes more bits than these, so they only take the rest.
        Unallocated("long, wide and narrow forms", "11110011 1d11 nnnn dddd 0xxx n0m0 mmmm"),
        Unallocated("VMLA, VMLAL, VMLS, VMLSL by scalar", "11110011 1d11 nnnn dddd 0xx0 n1m0 mmmm"),
        Unallocated("VMULL", "11110011 1d11 nnnn dddd 1100 n0m0 mmmm"),
        Unallocated("VQDMULH, VQRDMULH, VQRDMLAH, VQRDMLSH by scalar", "11110011 1d11 nnnn dddd 11xx n1m0 mmmm"),

        Line("VREV64", Op.Vrev64, "11110011 1d11 ee00 dddd 0000 0Qm0 mmmm", Quad2, Size3),
        Line("VREV32", Op.Vrev32, "11110011 1d11 ee00 dddd 0000 1Qm0 mmmm", Quad2, SizeIs(2, 3)),
        Line("VREV16", Op.Vrev16, "11110011 1d11 ee00 dddd 0001 0Qm0 mmmm", Quad2, SizeIs(1, 2, 3)),
        Line("VPADDL", Op.Vpaddl, "11110011 1d11 ee00 dddd 0010 UQm0 mmmm", Quad2, Size3),
        Line("AESE", Op.Aese, "11110011 1d11 0000 dddd 0011 00m0 mmmm", Feature.V8, OddRegister("dm")),
        Line("AESD", Op.Aesd, "11110011 1d11 0000 dddd 0011 01m0 mmmm", Feature.V8, OddRegister("dm")),
        Line("AESMC", Op.Aesmc, "11110011 1d11 0000 dddd 0011 10m0 mmmm", Feature.V8, OddRegister("dm")),
        Line("AESIMC", Op.Aesimc, "11110011 1d11 0000 dddd 0011 11m0 mmmm", Feature.V8, OddRegister("dm")),
        Line("VCLS", Op.Vcls, "11110011 1d11 ee00 dddd 0100 0Qm0 mmmm", Quad2, Size3),
        Line("VCLZ", Op.Vclz, "11110011 1d11 ee00 dddd 0100 1Qm0 mmmm", Quad2, Size3),
        Line("VCNT", Op.Vcnt, "11110011 1d11 0000 dddd 0101 0Qm0 mmmm", Quad2),
        Line("VMVN (register)", Op.Vmvn, "11110011 1d11 0000 dddd 0101 1Qm0 mmmm", Quad2),
        Line("VPADAL", Op.Vpadal, "11110011 1d11 ee00 dddd 0110 UQm0 mmmm", Quad2, Size3),
        Line("VQABS", Op.Vqabs, "11110011 1d11 ee00 dddd 0111 0Qm0 mmmm", Quad2, Size3),
        Line("VQNEG", Op.Vqneg, "11110011 1d11 ee00 dddd 0111 1Qm0 mmmm", Quad2, Size3),

        Line("VCGT (immediate #0)", Op.VcgtInt, "11110011 1d11 ee01 dddd 0000 0Qm0 mmmm", Quad2, Size3),
        Line("VCGE (immediate #0)", Op.VcgeInt, "11110011 1d11 ee01 dddd 0000 1Qm0 mmmm", Quad2, Size3),
        Line("VCEQ (immediate #0)", Op.VceqInt, "11110011 1d11 ee01 dddd 0001 0Qm0 mmmm", Quad2, Size3),
        Line("VCLE (immediate #0)", Op.VcleInt, "11110011 1d11 ee01 dddd 0001 1Qm0 mmmm", Quad2, Size3),
        Line("VCLT (immediate #0)", Op.VcltInt, "11110011 1d11 ee01 dddd 0010 0Qm0 mmmm", Quad2, Size3),
        Line("VABS", Op.VabsInt, "11110011 1d11 ee01 dddd 0011 0Qm0 mmmm", Quad2, Size3),
        Line("VNEG", Op.VnegInt, "11110011 1d11 ee01 dddd 0011 1Qm0 mmmm", Quad2, Size3),
        .. FloatBySize("VCGT (immediate #0, floating-point)", Op.VcgtFloat, "11110011 1d11 ee01 dddd 0100 0Qm0 mmmm"),
        .. FloatBySize("VCGE (immediate #0, floating-point)", Op.VcgeFloat, "11110011 1d11 ee01 dddd 0100 1Qm0 mmmm"),
        .. FloatBySize("VCEQ (immediate #0, floating-point)", Op.VceqFloat, "11110011 1d11 ee01 dddd 0101 0Qm0 mmmm"),
        .. FloatBySize("VCLE (immediate #0, floating-point)", Op.VcleFloat, "11110011 1d11 ee01 dddd 0101 1Qm0 mmmm"),
        .. FloatBySize("VCLT (immediate #0, floating-point)", Op.VcltFloat, "11110011 1d11 ee01 dddd 0110 0Qm0 mmmm"),
        .. FloatBySize("VABS (floating-point)", Op.VabsFloat, "11110011 1d11 ee01 dddd 0111 0Qm0 mmmm"),
        .. FloatBySize("VNEG (floating-point)", Op.VnegFloat, "11110011 1d11 ee01 dddd 0111 1Qm0 mmmm"),
        Line("SHA1H", Op.Sha1h, "11110011 1d11 1001 dddd 0010 11m0 mmmm", Feature.V8, OddRegister("dm")),

        Line("VSWP", Op.Vswp, "11110011 1d11 0010 dddd 0000 0Qm0 mmmm", Quad2),
        Line("VTRN", Op.Vtrn, "11110011 1d11 ee10 dddd 0000 1Qm0 mmmm", Quad2, Size3),
        Line("VUZP", Op.Vuzp, "11110011 1d11 ee10 dddd 0001 0Qm0 mmmm", Quad2, Size3, DoublewordWords),
        Line("VZIP", Op.Vzip, "11110011 1d11 ee10 dddd 0001 1Qm0 mmmm", Quad2, Size3, DoublewordWords),
        Line("VMOVN", Op.Vmovn, "11110011 1d11 ee10 dddd 0010 00m0 mmmm", OddRegister("m"), Size3),
        Line("VQMOVUN", Op.Vqmovun, "11110011 1d11 ee10 dddd 0010 01m0 mmmm", OddRegister("m"), Size3),
        Line("VQMOVN", Op.Vqmovn, "11110011 1d11 ee10 dddd 0010 1Um0 mmmm", OddRegister("m"), Size3),
        Line("VSHLL (maximum shift)", Op.Vshll, "11110011 1d11 ee10 dddd 0011 00m0 mmmm", OddRegister("d"), Size3),
        Line("SHA1SU1", Op.Sha1su1, "11110011 1d11 1010 dddd 0011 10m0 mmmm", Feature.V8, OddRegister("dm")),
        Line("SHA256SU0", Op.Sha256su0, "11110011 1d11 1010 dddd 0011 11m0 mmmm", Feature.V8, OddRegister("dm")),
        Line("VCVT (single to half precision)", Op.VcvtHalfVector, "11110011 1d11 0110 dddd 0110 00m0 mmmm", OddRegister("m")),
        Line("VCVT (half to single precision)", Op.VcvtHalfVector, "11110011 1d11 0110 dddd 0111 00m0 mmmm", OddRegister("d")),
        Line("VCVT (single precision to BFloat16)", Op.VcvtBf16Vector, "11110011 1d11 0110 dddd 0110 01m0 mmmm", Feature.V8, OddRegister("m")),
        .. Rounding("VRINTN", Op.VrintnVector, "11110011 1d11 ee10 dddd 0100 0Qm0 mmmm"),
        .. Rounding("VRINTX", Op.VrintxVector, "11110011 1d11 ee10 dddd 0100 1Qm0 mmmm"),
        .. Rounding("VRINTA", Op.VrintaVector, "11110011 1d11 ee10 dddd 0101 0Qm0 mmmm"),
        .. Rounding("VRINTZ", Op.VrintzVector, "11110011 1d11 ee10 dddd 0101 1Qm0 mmmm"),
        .. Rounding("VRINTM", Op.VrintmVector, "11110011 1d11 ee10 dddd 0110 1Qm0 mmmm"),
        .. Rounding("VRINTP", Op.VrintpVector, "11110011 1d11 ee10 dddd 0111 1Qm0 mmmm"),
        // The two unallocated rounding modes, which GNU prints as "vrint?".
        Line("VRINT (unallocated rounding mode)", Op.Undefined, "11110011 1d11 ee10 dddd 0110 0Qm0 mmmm where e=10", NoEncoding),
        Line("VRINT (unallocated rounding mode)", Op.Undefined, "11110011 1d11 ee10 dddd 0111 0Qm0 mmmm where e=10", NoEncoding),
        Line("VRINT (unallocated rounding mode, half precision)", Op.Undefined, "11110011 1d11 ee10 dddd 0110 0Qm0 mmmm where e=01", NoEncoding),
        Line("VRINT (unallocated rounding mode, half precision)", Op.Undefined, "11110011 1d11 ee10 dddd 0111 0Qm0 mmmm where e=01", NoEncoding),

        .. Rounding("VCVTA", Op.VcvtaVector, "11110011 1d11 ee11 dddd 0000 UQm0 mmmm"),
        .. Rounding("VCVTN", Op.VcvtnVector, "11110011 1d11 ee11 dddd 0001 UQm0 mmmm"),
        .. Rounding("VCVTP", Op.VcvtpVector, "11110011 1d11 ee11 dddd 0010 UQm0 mmmm"),
        .. Rounding("VCVTM", Op.VcvtmVector, "11110011 1d11 ee11 dddd 0011 UQm0 mmmm"),
        // Only the floating-point estimates exist in half precision.
        .. Estimate("VRECPE", Op.VrecpeInt, "11110011 1d11 ee11 dddd 0100 0Qm0 mmmm", Always),
        .. Estimate("VRECPE (floating-point)", Op.VrecpeFloat, "11110011 1d11 ee11 dddd 0101 0Qm0 mmmm"),
        .. Estimate("VRSQRTE", Op.VrsqrteInt, "11110011 1d11 ee11 dddd 0100 1Qm0 mmmm", Always),
        .. Estimate("VRSQRTE (floating-point)", Op.VrsqrteFloat, "11110011 1d11 ee11 dddd 0101 1Qm0 mmmm"),
        .. Estimate("VCVT (between floating point and integer)", Op.VcvtVector, "11110011 1d11 ee11 dddd 011T UQm0 mmmm"),

        Line("VTBL", Op.Vtbl, "11110011 1d11 nnnn dddd 10ii n0m0 mmmm", [], [TableBeyondD31]),
        Line("VTBX", Op.Vtbx, "11110011 1d11 nnnn dddd 10ii n1m0 mmmm", [], [TableBeyondD31]),
        // imm4 = x000 is UNDEFINED: no line.
        Line("VDUP (scalar, 8-bit)", Op.Vdup, "11110011 1d11 iii1 dddd 1100 0Qm0 mmmm", QuadOddRegister("d")),
        Line("VDUP (scalar, 16-bit)", Op.Vdup, "11110011 1d11 ii10 dddd 1100 0Qm0 mmmm", QuadOddRegister("d")),
        Line("VDUP (scalar, 32-bit)", Op.Vdup, "11110011 1d11 i100 dddd 1100 0Qm0 mmmm", QuadOddRegister("d")),
    ];
}
