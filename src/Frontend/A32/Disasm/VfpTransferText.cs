using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.VfpOperandForm;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the VfpTransfer family's encodings.</summary>
internal static class VfpTransferText
{
    /// <summary>Flag L (bit 20): the transfer is to the ARM core registers.</summary>
    private static bool ToCore(in Instruction i) => i.Flag('L');

    public static void CoreSingle(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vmov", i).Text(Size(i) == 1 ? ".f16" : "").Tab();
        if (ToCore(i)) w.Reg(i.Rt).Comma().S(Sn(i));
        else w.S(Sn(i)).Comma().Reg(i.Rt);
        MarkConditionalHalf(i, w);
    }

    public static void CoreTwoSingles(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vmov", i).Tab();
        if (ToCore(i)) w.Reg(i.Rt).Comma().Reg(i.Rt2).Comma().S(Sm(i)).Comma().S(Sm(i) + 1);
        else w.S(Sm(i)).Comma().S(Sm(i) + 1).Comma().Reg(i.Rt).Comma().Reg(i.Rt2);
    }

    public static void CoreDouble(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vmov", i).Tab();
        if (ToCore(i)) w.Reg(i.Rt).Comma().Reg(i.Rt2).Comma().D(Dm(i));
        else w.D(Dm(i)).Comma().Reg(i.Rt).Comma().Reg(i.Rt2);
    }

    /// <summary>A scalar: the D register (in the Vn:N position) and the element index (field j).</summary>
    private static AsmWriter Scalar(this AsmWriter w, in Instruction i) => w.D(Dn(i)).Char('[').Decimal(i.Imm2).Char(']');

    /// <summary>VMOV of a 32-, 16- or 8-bit element from an ARM core register into a scalar.</summary>
    public static TextForm CoreToScalar(string size) => (in Instruction i, AsmWriter w) =>
        w.Mnemonic("vmov", i).Text(size).Tab().Scalar(i).Comma().Reg(i.Rt);

    /// <summary>
    /// VMOV of a scalar into an ARM core register; 8- and 16-bit elements are zero- (flag U) or
    /// sign-extended. GNU prints .32 whatever U says (U set is UNDEFINED there).
    /// </summary>
    public static TextForm ScalarToCore(string bits) => (in Instruction i, AsmWriter w) =>
        w.Mnemonic("vmov", i).Text(bits == "32" ? ".32" : (i.Flag('U') ? ".u" : ".s") + bits).Tab().Reg(i.Rt).Comma().Scalar(i);

    /// <summary>VDUP from an ARM core register to every element of a D register or (flag Q) a Q register.</summary>
    public static TextForm Duplicate(string size) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic("vdup", i).Text(size).Tab();
        int d = Dn(i);
        if (!i.Flag('Q')) w.D(d);
        else if ((d & 1) != 0) w.Text("<illegal reg q").Decimal(d >> 1).Text(".5>");
        else w.Char('q').Decimal(d >> 1);
        w.Comma().Reg(i.Rt);
    };

    /// <summary>Bits 19:16: the floating-point system register (fixed in the lines of particular registers).</summary>
    private static int RegisterNumber(in Instruction i) => (int)((i.Word >> 16) & 0xF);

    /// <summary>The floating-point system register by GNU's name.</summary>
    private static AsmWriter SystemRegister(this AsmWriter w, in Instruction i) => RegisterNumber(i) switch
    {
        0 => w.Text("fpsid"),
        1 => w.Text("fpscr"),
        2 => w.Text("fpscr_nzcvqc"),
        5 => w.Text("mvfr2"),
        6 => w.Text("mvfr1"),
        7 => w.Text("mvfr0"),
        8 => w.Text("fpexc"),
        9 => w.Text("fpinst"),
        10 => w.Text("fpinst2"),
        14 => w.Text("fpcxt_ns"),
        15 => w.Text("fpcxt_s"),
        int other => w.Text("<impl def ").Hex((uint)other).Char('>'),
    };

    /// <summary>GNU notes that FPINST and FPINST2 are implementation defined.</summary>
    private static void MarkImplementationDefined(in Instruction i, AsmWriter w)
    {
        if (RegisterNumber(i) is 9 or 10) w.Text("\t@ Impl def");
    }

    public static void ReadSystemRegister(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vmrs", i).Tab().Reg(i.Rt).Comma().SystemRegister(i);
        MarkImplementationDefined(i, w);
    }

    public static void ReadFlags(in Instruction i, AsmWriter w) => w.Mnemonic("vmrs", i).Tab().Text("APSR_nzcv, fpscr");

    public static void WriteSystemRegister(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vmsr", i).Tab().SystemRegister(i).Comma().Reg(i.Rt);
        MarkImplementationDefined(i, w);
    }
}
