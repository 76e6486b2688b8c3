using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the later instructions in the coprocessor spaces.</summary>
internal static class CoprocessorSpaceV8Text
{
    private static int Vd(in Instruction i) => (i.Flag('D') ? 16 : 0) | i.Rd;
    private static int Vn(in Instruction i) => (i.Flag('N') ? 16 : 0) | i.Rn;
    private static int Vm(in Instruction i) => (i.Flag('M') ? 16 : 0) | i.Rm;


    /// <summary>A quadword register by the number of its first doubleword; GNU marks an odd one illegal.</summary>
    private static AsmWriter Q(this AsmWriter w, int register) =>
        (register & 1) != 0 ? w.Text("<illegal reg q").Decimal(register >> 1).Text(".5>") : w.Char('q').Decimal(register >> 1);

    /// <summary>A doubleword register, or with the Q flag a quadword one.</summary>
    private static AsmWriter V(this AsmWriter w, in Instruction i, int register) => i.Flag('Q') ? w.Q(register) : w.D(register);


    private static AsmWriter Element(this AsmWriter w, char kind, int register, int index) =>
        w.Char(kind).Decimal(register).Char('[').Decimal(index).Char(']');

    private static AsmWriter Rotation(this AsmWriter w, int degrees) => w.Text(", #").Decimal(degrees);

    private static AsmWriter VdVn(this AsmWriter w, in Instruction i) => w.V(i, Vd(i)).Comma().V(i, Vn(i)).Comma();

    private static string FloatSize(in Instruction i) => i.Flag('S') ? ".f32" : ".f16";

    public static void ComplexAdd(in Instruction i, AsmWriter w) =>
        w.Mnemonic("vcadd", i).Text(FloatSize(i)).Tab().VdVn(i).V(i, Vm(i)).Rotation(i.Rotate == 0 ? 90 : 270);

    public static void ComplexMultiply(in Instruction i, AsmWriter w) =>
        w.Mnemonic("vcmla", i).Text(FloatSize(i)).Tab().VdVn(i).V(i, Vm(i)).Rotation(i.Rotate * 90);

    /// <summary>The f16 form indexes Dm[M]; the f32 form names D(M:Vm)[0].</summary>
    public static void ComplexMultiplyByElement(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("vcmla", i).Text(FloatSize(i)).Tab().VdVn(i);
        if (i.Flag('S')) w.Element('d', Vm(i), 0); else w.Element('d', i.Rm, i.Flag('M') ? 1 : 0);
        w.Rotation(i.Rotate * 90);
    }

    /// <summary>VFMAL/VFMSL: the doubleword form reads single registers, the quadword form doubleword ones.</summary>
    public static TextForm MultiplyLong(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Text(name).Text(".f16\t");
        if (i.Flag('Q')) w.Q(Vd(i)).Comma().D(Vn(i)).Comma().D(Vm(i));
        else w.D(Vd(i)).Comma().S(i.Rn << 1 | (i.Flag('N') ? 1 : 0)).Comma().S(i.Rm << 1 | (i.Flag('M') ? 1 : 0));
    };

    /// <summary>The element is Vm[2:0] indexed by Vm[3], and by M as well in the quadword form.</summary>
    public static TextForm MultiplyLongByElement(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Text(name).Text(".f16\t");
        int index = i.Rm >> 3, m = i.Flag('M') ? 1 : 0;
        if (i.Flag('Q')) w.Q(Vd(i)).Comma().D(Vn(i)).Comma().Element('d', i.Rm & 7, index | m << 1);
        else w.D(Vd(i)).Comma().S(i.Rn << 1 | (i.Flag('N') ? 1 : 0)).Comma().Element('s', (i.Rm & 7) << 1 | m, index);
    };

    public static TextForm Bf16MultiplyAdd(string name) => (in Instruction i, AsmWriter w) =>
        w.Text(name).Text(".bf16\t").Q(Vd(i)).Comma().Q(Vn(i)).Comma().Q(Vm(i));

    public static TextForm Bf16MultiplyAddByElement(string name) => (in Instruction i, AsmWriter w) =>
        w.Text(name).Text(".bf16\t").Q(Vd(i)).Comma().Q(Vn(i)).Comma().Element('d', i.Rm & 7, i.Rm >> 3 | (i.Flag('M') ? 2 : 0));

    /// <summary>Three doubleword registers, or quadword ones with the Q flag.</summary>
    public static TextForm ThreeRegisters(string mnemonic) => (in Instruction i, AsmWriter w) =>
        w.Text(mnemonic).Tab().VdVn(i).V(i, Vm(i));

    /// <summary>The matrix multiplies: always three quadword registers.</summary>
    public static TextForm ThreeQuadRegisters(string mnemonic) => (in Instruction i, AsmWriter w) =>
        w.Text(mnemonic).Tab().Q(Vd(i)).Comma().Q(Vn(i)).Comma().Q(Vm(i));

    /// <summary>The dot products by element: Dm[M].</summary>
    public static TextForm ByElement(string mnemonic) => (in Instruction i, AsmWriter w) =>
        w.Text(mnemonic).Tab().VdVn(i).Element('d', i.Rm, i.Flag('M') ? 1 : 0);

    private static string SystemRegisterName(int register) => register switch
    {
        1 => "FPSCR",
        2 => "FPSCR_nzcvqc",
        12 => "VPR",
        13 => "P0",
        14 => "FPCXTNS",
        15 => "FPCXTS",
        _ => $"<invalid reg {register}>",
    };

    public static TextForm SystemRegister(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Tab().Text(SystemRegisterName(i.Rd)).Comma();
        long offset = CoprocessorText.Address(i, w, scale: 4);
        if (offset > 32 || offset < -16) w.Text("\t@ 0x").Text(((uint)offset).ToString("x", CultureInfo.InvariantCulture));
    };
}
