using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.CoprocessorSpaceV8Text;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Later architectures' instructions in the coprocessor spaces: the ARMv8.x Advanced SIMD
/// extensions in the unconditional space of coprocessors 8, 12 and 13 (VCADD/VCMLA of ARMv8.3,
/// the dot products and VFMAL/VFMSL of ARMv8.2, BFloat16 and Int8 matrix multiply of ARMv8.6) and
/// the Armv8.1-M loads and stores of floating-point system registers among the LDC/STC words to
/// coprocessor 15. A Cortex-A15 has none of them: they are UNDEFINED there.
/// </summary>
/// <remarks>
/// The SIMD lines use the Advanced SIMD register fields: Vd, Vn, Vm in d, n, m, with their
/// extension bits in the flags D, N and M, and Q choosing quadword registers.
/// </remarks>
public static class CoprocessorSpaceV8
{
    public static readonly Encoding[] Lines =
    [
        // Coprocessor 8: complex numbers; S picks f32 over f16, r the rotation.
        new("VCADD", Op.Vcadd, "1111110r1D0Snnnndddd1000NQM0mmmm", ComplexAdd, Feature.V8),
        new("VCMLA", Op.Vcmla, "1111110rrD1Snnnndddd1000NQM0mmmm", ComplexMultiply, Feature.V8),
        new("VCMLA (by element)", Op.Vcmla, "11111110SDrrnnnndddd1000NQM0mmmm", ComplexMultiplyByElement, Feature.V8),

        // Coprocessor 8: half-precision multiply-accumulate long and BFloat16 multiply-accumulate.
        new("VFMAL", Op.Vfmal, "111111000D10nnnndddd1000NQM1mmmm", MultiplyLong("vfmal"), Feature.V8),
        new("VFMSL", Op.Vfmsl, "111111001D10nnnndddd1000NQM1mmmm", MultiplyLong("vfmsl"), Feature.V8),
        new("VFMAL (by element)", Op.Vfmal, "111111100D00nnnndddd1000NQM1mmmm", MultiplyLongByElement("vfmal"), Feature.V8),
        new("VFMSL (by element)", Op.Vfmsl, "111111100D01nnnndddd1000NQM1mmmm", MultiplyLongByElement("vfmsl"), Feature.V8),
        new("VFMAB", Op.Vfmab, "111111000D11nnnndddd1000N0M1mmmm", Bf16MultiplyAdd("vfmab"), Feature.V8),
        new("VFMAT", Op.Vfmat, "111111000D11nnnndddd1000N1M1mmmm", Bf16MultiplyAdd("vfmat"), Feature.V8),
        new("VFMAB (by element)", Op.Vfmab, "111111100D11nnnndddd1000N0M1mmmm", Bf16MultiplyAddByElement("vfmab"), Feature.V8),
        new("VFMAT (by element)", Op.Vfmat, "111111100D11nnnndddd1000N1M1mmmm", Bf16MultiplyAddByElement("vfmat"), Feature.V8),

        // Coprocessor 12: matrix multiplies (quadword only).
        new("VMMLA", Op.Vmmla, "111111000D00nnnndddd1100N1M0mmmm", ThreeQuadRegisters("vmmla.bf16"), Feature.V8),
        new("VSMMLA", Op.Vsmmla, "111111000D10nnnndddd1100N1M0mmmm", ThreeQuadRegisters("vsmmla.s8"), Feature.V8),
        new("VUMMLA", Op.Vummla, "111111000D10nnnndddd1100N1M1mmmm", ThreeQuadRegisters("vummla.u8"), Feature.V8),
        new("VUSMMLA", Op.Vusmmla, "111111001D10nnnndddd1100N1M0mmmm", ThreeQuadRegisters("vusmmla.s8"), Feature.V8),

        // Coprocessor 13: dot products.
        new("VSDOT", Op.Vsdot, "111111000D10nnnndddd1101NQM0mmmm", ThreeRegisters("vsdot.s8"), Feature.V8),
        new("VUDOT", Op.Vudot, "111111000D10nnnndddd1101NQM1mmmm", ThreeRegisters("vudot.u8"), Feature.V8),
        new("VSDOT (by element)", Op.Vsdot, "11111110xD1xnnnndddd1101NQM0mmmm", ByElement("vsdot.s8"), Feature.V8),
        new("VUDOT (by element)", Op.Vudot, "11111110xD1xnnnndddd1101NQM1mmmm", ByElement("vudot.u8"), Feature.V8),
        new("VUSDOT", Op.Vusdot, "111111001D10nnnndddd1101NQM0mmmm", ThreeRegisters("vusdot.s8"), Feature.V8),
        new("VUSDOT (by element)", Op.Vusdot, "111111101D00nnnndddd1101NQM0mmmm", ByElement("vusdot.s8"), Feature.V8),
        new("VSUDOT (by element)", Op.Vsudot, "111111101D00nnnndddd1101NQM1mmmm", ByElement("vsudot.u8"), Feature.V8),
        new("VDOT", Op.Vdot, "111111000D00nnnndddd1101NQM0mmmm", ThreeRegisters("vdot.bf16"), Feature.V8),
        new("VDOT (by element)", Op.Vdot, "111111100D00nnnndddd1101NQM0mmmm", ByElement("vdot.bf16"), Feature.V8),

        // Coprocessor 15, Armv8.1-M: VLDR/VSTR of a system register (d), offset or pre-indexed, or post-indexed
        // with writeback; AL only. Unindexed words stay LDC/STC.
        new("VLDR (system register)", Op.VldrSystemRegister, "cccc110PUdW1nnnnddd011111iiiiiii where c=1110 P=1", SystemRegister("vldr"), Feature.V8),
        new("VLDR (system register, post-indexed)", Op.VldrSystemRegister, "cccc110PUdW1nnnnddd011111iiiiiii where c=1110 P=0 W=1", SystemRegister("vldr"), Feature.V8),
        new("VSTR (system register)", Op.VstrSystemRegister, "cccc110PUdW0nnnnddd011111iiiiiii where c=1110 P=1", SystemRegister("vstr"), Feature.V8),
        new("VSTR (system register, post-indexed)", Op.VstrSystemRegister, "cccc110PUdW0nnnnddd011111iiiiiii where c=1110 P=0 W=1", SystemRegister("vstr"), Feature.V8),
    ];
}
