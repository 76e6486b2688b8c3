using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the generic coprocessor instructions.</summary>
internal static class CoprocessorText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    /// <summary>GNU marks the *2 forms aimed at the floating-point coprocessors.</summary>
    private static bool MarkUnconditional(in Instruction i) => i.Op is Op.Mcr2 or Op.Mrc2 or Op.Ldc2 or Op.Stc2 && i.Coproc is 9 or 10 or 11;

    /// <summary>
    /// GNU marks any instruction aimed at coprocessor 9 (ARMv8.2 half precision) that shows a
    /// condition: other than AL in ARM state, any inside a Thumb IT block.
    /// </summary>
    private static bool MarkConditionalHalf(in Instruction i) => i.Coproc == 9 && (i.Cond < Condition.Always || i.InItBlock);

    public static void Transfer64(in Instruction i, AsmWriter w)
    {
        bool read = i.Op is Op.Mrrc or Op.Mrrc2;
        w.Mnemonic(Name(i.Op), i).Tab().Decimal(i.Coproc).Comma().Decimal(i.Opc1).Comma()
            .Reg(i.Rt).Comma().Reg(i.Rt2).Text(", cr").Decimal(i.Rm);
        bool mark = i.Rt == 15 || (i.Rt2 == 15 && (read || i.Op == Op.Mcrr2)) || (read && i.Rt == i.Rt2) || MarkConditionalHalf(i);
        if (mark) w.Unpredictable();
    }

    public static void DataOperation(in Instruction i, AsmWriter w) =>
        w.Mnemonic(Name(i.Op), i).Tab().Decimal(i.Coproc).Comma().Decimal(i.Opc1)
            .Text(", cr").Decimal(i.Rd).Text(", cr").Decimal(i.Rn).Text(", cr").Decimal(i.Rm)
            .Text(", {").Decimal(i.Opc2).Char('}');

    public static void Transfer(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Decimal(i.Coproc).Comma().Decimal(i.Opc1).Comma();
        if (i.Op == Op.Mrc && i.Rt == 15) w.Text("APSR_nzcv"); else w.Reg(i.Rt);
        w.Text(", cr").Decimal(i.Rn).Text(", cr").Decimal(i.Rm).Text(", {").Decimal(i.Opc2).Char('}');
        if ((i.Op is Op.Mcr or Op.Mcr2 && i.Rt == 15) || MarkUnconditional(i) || MarkConditionalHalf(i)) w.Unpredictable();
    }

    public static void MemoryTransfer(in Instruction i, AsmWriter w)
    {
        w.Text(Name(i.Op)).Text(i.Flag('N') ? "l" : "").Cond(i).Tab().Decimal(i.Coproc).Text(", cr").Decimal(i.Rd).Comma();
        long comment = Address(i, w, scale: i.Coproc == 9 ? 2 : 4);
        if (comment > 32 || comment < -16) w.Text("\t@ 0x").Text(((uint)comment).ToString("x", CultureInfo.InvariantCulture));
        if (MarkUnconditional(i)) w.Unpredictable();
    }

    /// <summary>The coprocessor addressing modes ("%A"): offset, pre- and post-indexed, and unindexed with an option in braces.</summary>
    public static long Address(in Instruction i, AsmWriter w, int scale)
    {
        bool p = i.Flag('P'), u = i.Flag('U'), wb = i.Flag('W');
        long offset = i.Imm;
        long comment = 0;
        w.Char('[').Reg(i.Rn);
        if (p || wb)
        {
            offset *= scale;
            if (!u) offset = -offset;
            if (i.Rn != 15) comment = offset;
        }
        if (p)
        {
            if (offset != 0) w.Text(", #").Decimal(offset).Text(wb ? "]!" : "]");
            else if (!u) w.Text(", #-0]");
            else w.Char(']');
        }
        else
        {
            w.Char(']');
            if (wb)
            {
                if (offset != 0) w.Text(", #").Decimal(offset);
                else if (!u) w.Text(", #-0");
            }
            else
            {
                w.Text(", {").Text(!u && offset == 0 ? "-" : "").Decimal(offset).Char('}');
                comment = offset;
            }
        }
        if (i.Rn == 15 && (p || wb)) w.CommentAddress((uint)(offset + w.Pc - (w.Address & 3)));
        return comment;
    }
}
