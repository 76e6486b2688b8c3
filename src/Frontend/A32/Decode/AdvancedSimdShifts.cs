using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.AdvancedSimdRules;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Advanced SIMD data processing with bits 23 and 4 set: two registers and a shift amount (ARM ARM
/// A7.4.4; L:imm6 in bits 7 and 21:16 gives element size and shift) and, where L:imm6 is 0000xxx,
/// one register and a modified immediate (A7.4.6; i:imm3:imm4 in bits 24, 18:16, 3:0, cmode in
/// bits 11:8, op in bit 5).
/// </summary>
internal static class AdvancedSimdShifts
{
    private static readonly Rule Quad2 = QuadOddRegister("dm");
    private static readonly Rule QuadD = QuadOddRegister("d");

    /// <summary>L:imm6 = 0000xxx is the modified-immediate space, not a shift.</summary>
    private static Encoding Shift(string name, Op op, string pattern, params Rule[] undefined) =>
        Line(name, op, pattern, undefined).Excluding(w => (w & 0x0038_0080) == 0);

    public static readonly Encoding[] Lines =
    [
        Shift("VSHR", Op.Vshr, "1111001U 1diiiiii dddd 0000 LQm1 mmmm", Quad2),
        Shift("VSRA", Op.Vsra, "1111001U 1diiiiii dddd 0001 LQm1 mmmm", Quad2),
        Shift("VRSHR", Op.Vrshr, "1111001U 1diiiiii dddd 0010 LQm1 mmmm", Quad2),
        Shift("VRSRA", Op.Vrsra, "1111001U 1diiiiii dddd 0011 LQm1 mmmm", Quad2),
        Shift("VSRI", Op.Vsri, "11110011 1diiiiii dddd 0100 LQm1 mmmm", Quad2),
        Shift("VSHL (immediate)", Op.Vshl, "11110010 1diiiiii dddd 0101 LQm1 mmmm", Quad2),
        Shift("VSLI", Op.Vsli, "11110011 1diiiiii dddd 0101 LQm1 mmmm", Quad2),
        Shift("VQSHLU (immediate)", Op.Vqshlu, "11110011 1diiiiii dddd 0110 LQm1 mmmm", Quad2),
        Shift("VQSHL (immediate)", Op.Vqshl, "1111001U 1diiiiii dddd 0111 LQm1 mmmm", Quad2),
        Shift("VSHRN", Op.Vshrn, "11110010 1diiiiii dddd 1000 00m1 mmmm", OddRegister("m")),
        Shift("VRSHRN", Op.Vrshrn, "11110010 1diiiiii dddd 1000 01m1 mmmm", OddRegister("m")),
        Shift("VQSHRUN", Op.Vqshrun, "11110011 1diiiiii dddd 1000 00m1 mmmm", OddRegister("m")),
        Shift("VQRSHRUN", Op.Vqrshrun, "11110011 1diiiiii dddd 1000 01m1 mmmm", OddRegister("m")),
        Shift("VQSHRN", Op.Vqshrn, "1111001U 1diiiiii dddd 1001 00m1 mmmm", OddRegister("m")),
        Shift("VQRSHRN", Op.Vqrshrn, "1111001U 1diiiiii dddd 1001 01m1 mmmm", OddRegister("m")),
        Shift("VSHLL", Op.Vshll, "1111001U 1diiiiii dddd 1010 00m1 mmmm", OddRegister("d")),
        // VSHLL by zero is VMOVL.
        Line("VMOVL", Op.Vmovl, "1111001U 1diiiiii dddd 1010 00m1 mmmm where i=001000", OddRegister("d")),
        Line("VMOVL", Op.Vmovl, "1111001U 1diiiiii dddd 1010 00m1 mmmm where i=010000", OddRegister("d")),
        Line("VMOVL", Op.Vmovl, "1111001U 1diiiiii dddd 1010 00m1 mmmm where i=100000", OddRegister("d")),
        // imm6 = 0xxxxx would give more than 32 fraction bits: UNDEFINED, so bit 21 is fixed.
        Line("VCVT (between floating point and fixed point)", Op.VcvtFixedVector, "1111001U 1d1iiiii dddd 111O 0Qm1 mmmm", Quad2),
        Line("VCVT (between half precision and fixed point)", Op.VcvtFixedVector, "1111001U 1d1iiiii dddd 110O 0Qm1 mmmm", Feature.Fp16, Quad2),

        Line("VMOV (immediate)", Op.VmovImmVector, "1111001i 1d000iii dddd 0xx0 0Q01 iiii", QuadD),
        Line("VORR (immediate)", Op.Vorr, "1111001i 1d000iii dddd 0xx1 0Q01 iiii", QuadD),
        Line("VMVN (immediate)", Op.Vmvn, "1111001i 1d000iii dddd 0xx0 0Q11 iiii", QuadD),
        Line("VBIC (immediate)", Op.Vbic, "1111001i 1d000iii dddd 0xx1 0Q11 iiii", QuadD),
        Line("VMOV (immediate)", Op.VmovImmVector, "1111001i 1d000iii dddd 10x0 0Q01 iiii", QuadD),
        Line("VORR (immediate)", Op.Vorr, "1111001i 1d000iii dddd 10x1 0Q01 iiii", QuadD),
        Line("VMVN (immediate)", Op.Vmvn, "1111001i 1d000iii dddd 10x0 0Q11 iiii", QuadD),
        Line("VBIC (immediate)", Op.Vbic, "1111001i 1d000iii dddd 10x1 0Q11 iiii", QuadD),
        Line("VMOV (immediate)", Op.VmovImmVector, "1111001i 1d000iii dddd 11xx 0Q01 iiii", QuadD),
        Line("VMVN (immediate)", Op.Vmvn, "1111001i 1d000iii dddd 110x 0Q11 iiii", QuadD),
        // cmode 1110 with op set: the 64-bit byte mask; cmode 1111 with op set is UNDEFINED.
        Line("VMOV (immediate)", Op.VmovImmVector, "1111001i 1d000iii dddd 1110 0Q11 iiii", QuadD),
    ];
}
