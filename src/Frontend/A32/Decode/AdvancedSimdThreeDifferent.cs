using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.AdvancedSimdRules;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Advanced SIMD data processing with bit 23 set, bit 4 clear and a size other than 11: three
/// registers of different lengths (ARM ARM A7.4.2, bit 6 clear: long, wide and narrow forms) and
/// two registers and a scalar (A7.4.3, bit 6 set; bit 24 is Q there, or U for the long forms).
/// Size 11 belongs to VEXT and the two-register miscellaneous space.
/// </summary>
internal static class AdvancedSimdThreeDifferent
{
    private static readonly Rule QuadDN = QuadOddRegister("dn");
    private static readonly Rule Size0 = SizeIs(0);

    private static Encoding Sized(string name, Op op, string pattern, Feature feature, params Rule[] undefined) =>
        Line(name, op, pattern, feature, undefined).Excluding(w => ((w >> 20) & 3) == 3);

    private static Encoding Sized(string name, Op op, string pattern, params Rule[] undefined) =>
        Sized(name, op, pattern, Feature.Neon, undefined);

    /// <summary>A floating-point operation by scalar: size 10 is single precision, 01 ARMv8.2 half precision, 00 UNDEFINED.</summary>
    private static Encoding[] FloatByScalar(string name, Op op, string pattern) =>
    [
        Line(name, op, pattern + " where e=10", QuadDN),
        Line(name + " (half precision)", op, pattern + " where e=01", Feature.Fp16, QuadDN),
        Line(name, op, pattern + " where e=00", Always),
    ];

    public static readonly Encoding[] Lines =
    [
        Sized("VADDL", Op.Vaddl, "1111001U 1dee nnnn dddd 0000 n0m0 mmmm", OddRegister("d")),
        Sized("VADDW", Op.Vaddw, "1111001U 1dee nnnn dddd 0001 n0m0 mmmm", OddRegister("dn")),
        Sized("VSUBL", Op.Vsubl, "1111001U 1dee nnnn dddd 0010 n0m0 mmmm", OddRegister("d")),
        Sized("VSUBW", Op.Vsubw, "1111001U 1dee nnnn dddd 0011 n0m0 mmmm", OddRegister("dn")),
        Sized("VADDHN", Op.Vaddhn, "11110010 1dee nnnn dddd 0100 n0m0 mmmm", OddRegister("nm")),
        Sized("VRADDHN", Op.Vraddhn, "11110011 1dee nnnn dddd 0100 n0m0 mmmm", OddRegister("nm")),
        Sized("VABAL", Op.Vabal, "1111001U 1dee nnnn dddd 0101 n0m0 mmmm", OddRegister("d")),
        Sized("VSUBHN", Op.Vsubhn, "11110010 1dee nnnn dddd 0110 n0m0 mmmm", OddRegister("nm")),
        Sized("VRSUBHN", Op.Vrsubhn, "11110011 1dee nnnn dddd 0110 n0m0 mmmm", OddRegister("nm")),
        Sized("VABDL (integer)", Op.Vabdl, "1111001U 1dee nnnn dddd 0111 n0m0 mmmm", OddRegister("d")),
        Sized("VMLAL (integer)", Op.Vmlal, "1111001U 1dee nnnn dddd 1000 n0m0 mmmm", OddRegister("d")),
        Sized("VQDMLAL", Op.Vqdmlal, "11110010 1dee nnnn dddd 1001 n0m0 mmmm", OddRegister("d"), Size0),
        Sized("VMLSL (integer)", Op.Vmlsl, "1111001U 1dee nnnn dddd 1010 n0m0 mmmm", OddRegister("d")),
        Sized("VQDMLSL", Op.Vqdmlsl, "11110010 1dee nnnn dddd 1011 n0m0 mmmm", OddRegister("d"), Size0),
        Sized("VMULL (integer)", Op.Vmull, "1111001U 1dee nnnn dddd 1100 n0m0 mmmm", OddRegister("d")),
        Sized("VQDMULL", Op.Vqdmull, "11110010 1dee nnnn dddd 1101 n0m0 mmmm", OddRegister("d"), Size0),
        Line("VMULL (polynomial)", Op.VmullPoly, "1111001U 1dee nnnn dddd 1110 n0m0 mmmm where e=0x", OddRegister("d"), Unsigned, SizeIs(1)),
        Line("VMULL (polynomial, 64-bit)", Op.VmullPoly, "1111001U 1dee nnnn dddd 1110 n0m0 mmmm where e=10", Feature.V8, OddRegister("d"), Unsigned),

        Sized("VMLA (by scalar, integer)", Op.VmlaInt, "1111001Q 1dee nnnn dddd 0000 n1m0 mmmm", QuadDN, Size0),
        .. FloatByScalar("VMLA (by scalar, floating-point)", Op.VmlaFloat, "1111001Q 1dee nnnn dddd 0001 n1m0 mmmm"),
        Sized("VMLAL (by scalar)", Op.Vmlal, "1111001U 1dee nnnn dddd 0010 n1m0 mmmm", OddRegister("d"), Size0),
        Sized("VQDMLAL (by scalar)", Op.Vqdmlal, "11110010 1dee nnnn dddd 0011 n1m0 mmmm", OddRegister("d"), Size0),
        Sized("VMLS (by scalar, integer)", Op.VmlsInt, "1111001Q 1dee nnnn dddd 0100 n1m0 mmmm", QuadDN, Size0),
        .. FloatByScalar("VMLS (by scalar, floating-point)", Op.VmlsFloat, "1111001Q 1dee nnnn dddd 0101 n1m0 mmmm"),
        Sized("VMLSL (by scalar)", Op.Vmlsl, "1111001U 1dee nnnn dddd 0110 n1m0 mmmm", OddRegister("d"), Size0),
        Sized("VQDMLSL (by scalar)", Op.Vqdmlsl, "11110010 1dee nnnn dddd 0111 n1m0 mmmm", OddRegister("d"), Size0),
        Sized("VMUL (by scalar, integer)", Op.VmulInt, "1111001Q 1dee nnnn dddd 1000 n1m0 mmmm", QuadDN, Size0),
        .. FloatByScalar("VMUL (by scalar, floating-point)", Op.VmulFloat, "1111001Q 1dee nnnn dddd 1001 n1m0 mmmm"),
        Sized("VMULL (by scalar)", Op.Vmull, "1111001U 1dee nnnn dddd 1010 n1m0 mmmm", OddRegister("d"), Size0),
        Sized("VQDMULL (by scalar)", Op.Vqdmull, "11110010 1dee nnnn dddd 1011 n1m0 mmmm", OddRegister("d"), Size0),
        Sized("VQDMULH (by scalar)", Op.Vqdmulh, "1111001Q 1dee nnnn dddd 1100 n1m0 mmmm", QuadDN, Size0),
        Sized("VQRDMULH (by scalar)", Op.Vqrdmulh, "1111001Q 1dee nnnn dddd 1101 n1m0 mmmm", QuadDN, Size0),
        Sized("VQRDMLAH (by scalar)", Op.Vqrdmlah, "1111001Q 1dee nnnn dddd 1110 n1m0 mmmm", Feature.V8, QuadDN, Size0),
        Sized("VQRDMLSH (by scalar)", Op.Vqrdmlsh, "1111001Q 1dee nnnn dddd 1111 n1m0 mmmm", Feature.V8, QuadDN, Size0),
    ];
}
