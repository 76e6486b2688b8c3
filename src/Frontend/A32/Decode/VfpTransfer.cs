using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.VfpRules;
using static Translator.Frontend.A32.Disasm.VfpTransferText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Transfers between the ARM core registers and the floating-point and SIMD registers in the
/// MCR/MRC and MCRR/MRRC spaces of coprocessors 10 and 11: VMOV to and from S registers, pairs of
/// S registers, D registers and scalars (the 8- and 16-bit scalars and VDUP are Advanced SIMD),
/// the ARMv8.2 half-precision VMOV in coprocessor 9, and VMRS/VMSR of the system registers.
/// Register fields hold D:Vd, Vn:N and M:Vm (see <see cref="VfpRegisters"/>); a scalar's or VDUP's
/// D register sits in the Vn:N position. Flag L (bit 20) transfers to the core registers.
/// </summary>
public static class VfpTransfer
{
    private static readonly Rule CorePc = Rules.PcIs('t');

    private static readonly Rule CorePair = (in Instruction i) =>
        i.Rt == 15 || i.Rt2 == 15 ? Reason.PcOperand
        : i.Flag('L') && i.Rt == i.Rt2 ? Reason.RegisterOverlap
        : Reason.None;

    /// <summary>The pair of S registers cannot start at S31.</summary>
    private static readonly Rule SinglePair = (in Instruction i) =>
        VfpRegisters.Sm(i) == 31 ? Reason.RegisterPair : Reason.None;

    private static readonly Rule UnsignedWord = (in Instruction i) => i.Flag('U') ? Reason.FieldValue : Reason.None;

    private static readonly Rule OddQuadRegister = (in Instruction i) =>
        i.Flag('Q') && (VfpRegisters.Dn(i) & 1) != 0 ? Reason.FieldValue : Reason.None;

    /// <summary>
    /// The system registers of the Cortex-A15's VFPv4: FPSID, FPSCR, MVFR1, MVFR0 and FPEXC. It has
    /// no FPINST/FPINST2, and the other values are reserved.
    /// </summary>
    private static readonly Rule NotImplementedRegister = (in Instruction i) =>
        i.Rn is 0 or 1 or 6 or 7 or 8 ? Reason.None : Reason.FieldValue;

    public static readonly Encoding[] Lines =
    [
        new("VMOV (between ARM core register and single precision)", Op.VmovCoreSingle, "cccc1110000Lnnnntttt1010n0010000", CoreSingle, Feature.Vfp, CorePc),
        new("VMOV (between ARM core register and half precision)", Op.VmovCoreHalf, "cccc1110000Lnnnntttt1001n0010000", CoreSingle, Feature.Fp16, CorePc, ConditionalHalf),
        new("VMOV (between two ARM core registers and two single precision)", Op.VmovCoreTwoSingles, "cccc1100010Luuuutttt101000m1mmmm", CoreTwoSingles, Feature.Vfp, CorePair, SinglePair),
        new("VMOV (between two ARM core registers and a doubleword)", Op.VmovCoreDouble, "cccc1100010Luuuutttt101100m1mmmm", CoreDouble, Feature.Vfp, CorePair),

        new("VMOV (ARM core register to scalar, 32-bit)", Op.VmovCoreScalar, "cccc111000j0nnnntttt1011n001(0)(0)(0)(0)", CoreToScalar(".32"), Feature.Vfp, CorePc),
        new("VMOV (ARM core register to scalar, 16-bit)", Op.VmovCoreScalar, "cccc111000j0nnnntttt1011nj11(0)(0)(0)(0)", CoreToScalar(".16"), Feature.Neon, CorePc),
        new("VMOV (ARM core register to scalar, 8-bit)", Op.VmovCoreScalar, "cccc111001j0nnnntttt1011njj1(0)(0)(0)(0)", CoreToScalar(".8"), Feature.Neon, CorePc),
        new Encoding("VMOV (scalar to ARM core register, 32-bit)", Op.VmovScalarCore, "cccc1110U0j1nnnntttt1011n001(0)(0)(0)(0)", ScalarToCore("32"), Feature.Vfp, CorePc)
            .UndefinedWhen(UnsignedWord),
        new("VMOV (scalar to ARM core register, 16-bit)", Op.VmovScalarCore, "cccc1110U0j1nnnntttt1011nj11(0)(0)(0)(0)", ScalarToCore("16"), Feature.Neon, CorePc),
        new("VMOV (scalar to ARM core register, 8-bit)", Op.VmovScalarCore, "cccc1110U1j1nnnntttt1011njj1(0)(0)(0)(0)", ScalarToCore("8"), Feature.Neon, CorePc),
        new Encoding("VDUP (ARM core register, 32-bit)", Op.Vdup, "cccc111010Q0nnnntttt1011n001(0)(0)(0)(0)", Duplicate(".32"), Feature.Neon, CorePc)
            .UndefinedWhen(OddQuadRegister),
        new Encoding("VDUP (ARM core register, 16-bit)", Op.Vdup, "cccc111010Q0nnnntttt1011n011(0)(0)(0)(0)", Duplicate(".16"), Feature.Neon, CorePc)
            .UndefinedWhen(OddQuadRegister),
        new Encoding("VDUP (ARM core register, 8-bit)", Op.Vdup, "cccc111011Q0nnnntttt1011n001(0)(0)(0)(0)", Duplicate(".8"), Feature.Neon, CorePc)
            .UndefinedWhen(OddQuadRegister),

        new Encoding("VMSR", Op.Vmsr, "cccc11101110nnnntttt101000010000", WriteSystemRegister, Feature.Vfp, CorePc)
            .UndefinedWhen(NotImplementedRegister),
        new Encoding("VMRS", Op.Vmrs, "cccc11101111nnnntttt101000010000", ReadSystemRegister, Feature.Vfp, CorePc)
            .UndefinedWhen(NotImplementedRegister),
        new("VMRS (APSR_nzcv)", Op.Vmrs, "cccc1110111100011111101000010000", ReadFlags, Feature.Vfp),
        new("VMSR (MVFR2)", Op.Vmsr, "cccc111011100101tttt101000010000", WriteSystemRegister, Feature.V8, CorePc),
        new("VMRS (MVFR2)", Op.Vmrs, "cccc111011110101tttt101000010000", ReadSystemRegister, Feature.V8, CorePc),
        new("VMSR (FPSCR_nzcvqc)", Op.Vmsr, "cccc111011100010tttt101000010000", WriteSystemRegister, Feature.MProfile),
        new("VMRS (FPSCR_nzcvqc)", Op.Vmrs, "cccc111011110010tttt101000010000", ReadSystemRegister, Feature.MProfile),
        new("VMSR (FPCXT_NS, FPCXT_S)", Op.Vmsr, "cccc11101110111ntttt101000010000", WriteSystemRegister, Feature.MProfile),
        new("VMRS (FPCXT_NS, FPCXT_S)", Op.Vmrs, "cccc11101111111ntttt101000010000", ReadSystemRegister, Feature.MProfile),
    ];
}
