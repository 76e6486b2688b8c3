using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text of LDRD/STRD, the exclusives, the ARMv8 acquire/release forms and TBB/TBH in T32.</summary>
internal static class T32LoadStoreDualExclusiveText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    private static void ValueComment(long value, AsmWriter w)
    {
        if (value > 32) w.Text("\t@ 0x").Text(value.ToString("x", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// LDRD/STRD: the offset (imm8 in words, read as bytes), shown with its sign even when zero ("#-0"), except
    /// that GNU shows a zero offset added before the access as plain <c>[rn]</c>, dropping any "!".
    /// A PC base adds the address in a comment, and any offset over 32 its magnitude in hex.
    /// </summary>
    public static void Dual(in Instruction i, AsmWriter w)
    {
        bool p = i.Flag('P'), u = i.Flag('U'), wb = i.Flag('W');
        long offset = i.Imm;
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rt).Comma().Reg(i.Rt2).Comma().Char('[').Reg(i.Rn);
        if (p && u && offset == 0)
        {
            w.Char(']');
            return;
        }
        string sign = u ? "" : "-";
        if (p) w.Text(", #").Text(sign).Decimal(offset).Char(']').Text(wb ? "!" : "");
        else w.Text("], #").Text(sign).Decimal(offset);
        if (i.Rn == 15) w.CommentAddress((uint)((w.Pc & ~3u) + (u ? offset : -offset)));
        ValueComment(offset, w);
    }

    /// <summary>LDREX/STREX: the offset (imm8 in words, read as bytes), omitted when zero.</summary>
    public static void ExclusiveWord(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab();
        if (i.Op == Op.Strex) w.Reg(i.Rd).Comma();
        w.Reg(i.Rt).Comma().Char('[').Reg(i.Rn);
        long offset = i.Imm;
        if (offset != 0) w.Text(", #").Decimal(offset);
        w.Char(']');
        ValueComment(offset, w);
    }

    /// <summary>
    /// The byte, halfword and doubleword exclusives and the ARMv8 acquire/release forms: status
    /// register, transferred register(s), base. GNU marks a PC base of the ARMv8 forms only.
    /// </summary>
    public static void Exclusive(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab();
        if (i.Encoding!.Pattern.Has(Field.Rd)) w.Reg(i.Rd).Comma();
        w.Reg(i.Rt).Comma();
        if (i.Encoding.Pattern.Has(Field.Rt2)) w.Reg(i.Rt2).Comma();
        w.Char('[').Reg(i.Rn).Char(']');
        if (i.Encoding.Feature == Feature.V8 && i.Rn == 15) w.Unpredictable();
    }

    public static TextForm TestTarget(string name) => (in Instruction i, AsmWriter w) =>
        w.Text(name).Tab().Reg(i.Rd).Comma().Reg(i.Rn);

    public static void TableBranch(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Char('[').Reg(i.Rn).Comma().Reg(i.Rm);
        if (i.Op == Op.Tbh) w.Text(", lsl #1");
        w.Char(']');
        T32BranchText.BranchInItBlock(i, w);
    }
}
