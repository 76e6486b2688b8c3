using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.AdvancedSimdRules;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Advanced SIMD data processing, three registers of the same length (ARM ARM A7.4.1): bit 23
/// clear, the operation in bits 11:8 and 4, U in bit 24, size (or op:sz) in bits 21:20. The ARMv8
/// SHA-1/SHA-256 and VMAXNM/VMINNM, the ARMv8.1 VQRDMLAH/VQRDMLSH and the ARMv8.2
/// half-precision forms (sz set) are here too, for a processor that lacks them.
/// </summary>
internal static class AdvancedSimdThreeSame
{
    private static readonly Rule Quad3 = QuadOddRegister("dnm");
    private static readonly Rule Size3 = SizeIs(3);

    public static readonly Encoding[] Lines =
    [
        Line("VHADD", Op.Vhadd, "1111001U 0dee nnnn dddd 0000 nQm0 mmmm", Quad3, Size3),
        Line("VQADD", Op.Vqadd, "1111001U 0dee nnnn dddd 0000 nQm1 mmmm", Quad3),
        Line("VRHADD", Op.Vrhadd, "1111001U 0dee nnnn dddd 0001 nQm0 mmmm", Quad3, Size3),
        Line("VAND (register)", Op.Vand, "11110010 0d00 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VBIC (register)", Op.Vbic, "11110010 0d01 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VORR (register)", Op.Vorr, "11110010 0d10 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VORN (register)", Op.Vorn, "11110010 0d11 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VEOR", Op.Veor, "11110011 0d00 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VBSL", Op.Vbsl, "11110011 0d01 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VBIT", Op.Vbit, "11110011 0d10 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VBIF", Op.Vbif, "11110011 0d11 nnnn dddd 0001 nQm1 mmmm", Quad3),
        Line("VHSUB", Op.Vhsub, "1111001U 0dee nnnn dddd 0010 nQm0 mmmm", Quad3, Size3),
        Line("VQSUB", Op.Vqsub, "1111001U 0dee nnnn dddd 0010 nQm1 mmmm", Quad3),
        Line("VCGT (register)", Op.VcgtInt, "1111001U 0dee nnnn dddd 0011 nQm0 mmmm", Quad3, Size3),
        Line("VCGE (register)", Op.VcgeInt, "1111001U 0dee nnnn dddd 0011 nQm1 mmmm", Quad3, Size3),
        Line("VSHL (register)", Op.Vshl, "1111001U 0dee nnnn dddd 0100 nQm0 mmmm", Quad3),
        Line("VQSHL (register)", Op.Vqshl, "1111001U 0dee nnnn dddd 0100 nQm1 mmmm", Quad3),
        Line("VRSHL", Op.Vrshl, "1111001U 0dee nnnn dddd 0101 nQm0 mmmm", Quad3),
        Line("VQRSHL", Op.Vqrshl, "1111001U 0dee nnnn dddd 0101 nQm1 mmmm", Quad3),
        Line("VMAX (integer)", Op.VmaxInt, "1111001U 0dee nnnn dddd 0110 nQm0 mmmm", Quad3, Size3),
        Line("VMIN (integer)", Op.VminInt, "1111001U 0dee nnnn dddd 0110 nQm1 mmmm", Quad3, Size3),
        Line("VABD (integer)", Op.VabdInt, "1111001U 0dee nnnn dddd 0111 nQm0 mmmm", Quad3, Size3),
        Line("VABA", Op.Vaba, "1111001U 0dee nnnn dddd 0111 nQm1 mmmm", Quad3, Size3),
        Line("VADD (integer)", Op.VaddInt, "11110010 0dee nnnn dddd 1000 nQm0 mmmm", Quad3),
        Line("VSUB (integer)", Op.VsubInt, "11110011 0dee nnnn dddd 1000 nQm0 mmmm", Quad3),
        Line("VTST", Op.Vtst, "11110010 0dee nnnn dddd 1000 nQm1 mmmm", Quad3, Size3),
        Line("VCEQ (register)", Op.VceqInt, "11110011 0dee nnnn dddd 1000 nQm1 mmmm", Quad3, Size3),
        Line("VMLA (integer)", Op.VmlaInt, "11110010 0dee nnnn dddd 1001 nQm0 mmmm", Quad3, Size3),
        Line("VMLS (integer)", Op.VmlsInt, "11110011 0dee nnnn dddd 1001 nQm0 mmmm", Quad3, Size3),
        Line("VMUL (integer)", Op.VmulInt, "11110010 0dee nnnn dddd 1001 nQm1 mmmm", Quad3, Size3),
        Line("VMUL (polynomial)", Op.VmulPoly, "11110011 0dee nnnn dddd 1001 nQm1 mmmm", Quad3, SizeIs(1, 2, 3)),
        Line("VPMAX (integer)", Op.VpmaxInt, "1111001U 0dee nnnn dddd 1010 nQm0 mmmm", Quad, Size3),
        Line("VPMIN (integer)", Op.VpminInt, "1111001U 0dee nnnn dddd 1010 nQm1 mmmm", Quad, Size3),
        Line("VQDMULH", Op.Vqdmulh, "11110010 0dee nnnn dddd 1011 nQm0 mmmm", Quad3, SizeIs(0, 3)),
        Line("VQRDMULH", Op.Vqrdmulh, "11110011 0dee nnnn dddd 1011 nQm0 mmmm", Quad3, SizeIs(0, 3)),
        Line("VPADD (integer)", Op.VpaddInt, "11110010 0dee nnnn dddd 1011 nQm1 mmmm", Quad, Size3),
        Line("VQRDMLAH", Op.Vqrdmlah, "11110011 0dee nnnn dddd 1011 nQm1 mmmm", Feature.V8, Quad3, SizeIs(0, 3)),
        Line("SHA1C", Op.Sha1c, "11110010 0d00 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        Line("SHA1P", Op.Sha1p, "11110010 0d01 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        Line("SHA1M", Op.Sha1m, "11110010 0d10 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        Line("SHA1SU0", Op.Sha1su0, "11110010 0d11 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        Line("SHA256H", Op.Sha256h, "11110011 0d00 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        Line("SHA256H2", Op.Sha256h2, "11110011 0d01 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        Line("SHA256SU1", Op.Sha256su1, "11110011 0d10 nnnn dddd 1100 n1m0 mmmm", Feature.V8, OddRegister("dnm")),
        .. Float("VFMA", Op.VfmaVector, "11110010 0d0Z nnnn dddd 1100 nQm1 mmmm", Quad3),
        .. Float("VFMS", Op.VfmsVector, "11110010 0d1Z nnnn dddd 1100 nQm1 mmmm", Quad3),
        Line("VQRDMLSH", Op.Vqrdmlsh, "11110011 0dee nnnn dddd 1100 nQm1 mmmm", Feature.V8, Quad3, SizeIs(0, 3)),
        .. Float("VADD (floating-point)", Op.VaddFloat, "11110010 0d0Z nnnn dddd 1101 nQm0 mmmm", Quad3),
        .. Float("VSUB (floating-point)", Op.VsubFloat, "11110010 0d1Z nnnn dddd 1101 nQm0 mmmm", Quad3),
        .. Float("VMLA (floating-point)", Op.VmlaFloat, "11110010 0d0Z nnnn dddd 1101 nQm1 mmmm", Quad3),
        .. Float("VMLS (floating-point)", Op.VmlsFloat, "11110010 0d1Z nnnn dddd 1101 nQm1 mmmm", Quad3),
        .. Float("VPADD (floating-point)", Op.VpaddFloat, "11110011 0d0Z nnnn dddd 1101 nQm0 mmmm", Quad),
        .. Float("VABD (floating-point)", Op.VabdFloat, "11110011 0d1Z nnnn dddd 1101 nQm0 mmmm", Quad3),
        .. Float("VMUL (floating-point)", Op.VmulFloat, "11110011 0d0Z nnnn dddd 1101 nQm1 mmmm", Quad3),
        .. Float("VCEQ (register, floating-point)", Op.VceqFloat, "11110010 0d0Z nnnn dddd 1110 nQm0 mmmm", Quad3),
        .. Float("VCGE (register, floating-point)", Op.VcgeFloat, "11110011 0d0Z nnnn dddd 1110 nQm0 mmmm", Quad3),
        .. Float("VCGT (register, floating-point)", Op.VcgtFloat, "11110011 0d1Z nnnn dddd 1110 nQm0 mmmm", Quad3),
        .. Float("VACGE", Op.Vacge, "11110011 0d0Z nnnn dddd 1110 nQm1 mmmm", Quad3),
        .. Float("VACGT", Op.Vacgt, "11110011 0d1Z nnnn dddd 1110 nQm1 mmmm", Quad3),
        .. Float("VMAX (floating-point)", Op.VmaxFloat, "11110010 0d0Z nnnn dddd 1111 nQm0 mmmm", Quad3),
        .. Float("VMIN (floating-point)", Op.VminFloat, "11110010 0d1Z nnnn dddd 1111 nQm0 mmmm", Quad3),
        .. Float("VPMAX (floating-point)", Op.VpmaxFloat, "11110011 0d0Z nnnn dddd 1111 nQm0 mmmm", Quad),
        .. Float("VPMIN (floating-point)", Op.VpminFloat, "11110011 0d1Z nnnn dddd 1111 nQm0 mmmm", Quad),
        .. Float("VRECPS", Op.Vrecps, "11110010 0d0Z nnnn dddd 1111 nQm1 mmmm", Quad3),
        .. Float("VRSQRTS", Op.Vrsqrts, "11110010 0d1Z nnnn dddd 1111 nQm1 mmmm", Quad3),
        .. Float("VMAXNM", Op.VmaxnmVector, "11110011 0d0Z nnnn dddd 1111 nQm1 mmmm", Feature.V8, Quad3),
        .. Float("VMINNM", Op.VminnmVector, "11110011 0d1Z nnnn dddd 1111 nQm1 mmmm", Feature.V8, Quad3),
    ];
}
