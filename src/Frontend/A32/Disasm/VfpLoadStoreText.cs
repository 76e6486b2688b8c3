using System.Globalization;
using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.VfpOperandForm;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the VfpLoadStore family's encodings.</summary>
internal static class VfpLoadStoreText
{
    /// <summary>
    /// VLDR/VSTR: the register, then [Rn, #offset] with imm8 in words (halfwords for .16); GNU
    /// writes a zero offset subtracted as #-0, notes a large offset in hex, and a PC-relative
    /// address in full.
    /// </summary>
    public static TextForm Single(string name) => (in Instruction i, AsmWriter w) =>
    {
        bool half = Size(i) == 1;
        w.Mnemonic(name, i).Text(half ? ".16" : "").Tab().Vd(i).Text(", [").Reg(i.Rn);
        long offset = i.Imm * (half ? 2 : 4);
        if (!i.Flag('U')) offset = -offset;
        if (offset != 0) w.Text(", #").Decimal(offset);
        else if (!i.Flag('U')) w.Text(", #-0");
        w.Char(']');
        if (i.Rn == 15) w.CommentAddress((uint)(offset + w.Pc - (w.Address & 3)));
        else if (offset > 32 || offset < -16) w.Text("\t@ 0x").Text(((uint)offset).ToString("x", CultureInfo.InvariantCulture));
        MarkConditionalHalf(i, w);
    };

    /// <summary>Bit 21 (W): the decrement-before forms always have it.</summary>
    private static bool Writeback(in Instruction i) => (i.Word & (1u << 21)) != 0;

    /// <summary>VLDM/VSTM and FLDMX/FSTMX: base register (with "!" on writeback), then the list.</summary>
    public static TextForm Multiple(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Tab().Reg(i.Rn);
        if (Writeback(i)) w.Char('!');
        List(i, w.Comma());
        if (i.Op is Op.Fldmiax or Op.Fldmdbx or Op.Fstmiax or Op.Fstmdbx) w.Text("\t@ Deprecated");
    };

    public static TextForm Stack(string name) => (in Instruction i, AsmWriter w) => List(i, w.Mnemonic(name, i).Tab());

    /// <summary>
    /// The register list: doubles (imm8 / 2 of them, the i field; GNU reads six bits of it for
    /// VLDM/VSTM), or singles (imm8).
    /// </summary>
    private static void List(in Instruction i, AsmWriter w)
    {
        int count = (int)i.Imm;
        if (!IsDouble(i)) w.PlainList('s', Sd(i), count);
        else if (i.Op is Op.Fldmiax or Op.Fldmdbx or Op.Fstmiax or Op.Fstmdbx) w.PlainList('d', Dd(i), count);
        else w.DoubleList(Dd(i), count & 0x3F);
    }

    /// <summary>VLLDM/VLSTM (ARMv8-M): the base register alone.</summary>
    public static TextForm LazyState(string name) => (in Instruction i, AsmWriter w) => w.Text(name).Tab().Reg(i.Rn);
}
