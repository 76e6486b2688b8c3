using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the extra loads and stores, exclusives and SWP.</summary>
internal static class LoadStoreExtraText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    public static void Extra(in Instruction i, AsmWriter w)
    {
        bool unprivileged = i.Op is Op.Strht or Op.Ldrht or Op.Ldrsbt or Op.Ldrsht;
        bool immediate = (i.Word & (1 << 22)) != 0;
        bool p = (i.Word & (1 << 24)) != 0, u = i.Flag('U'), wb = (i.Word & (1 << 21)) != 0;
        uint offset = ((i.Word >> 4) & 0xF0) | (i.Word & 0xF);
        int rm = (int)(i.Word & 0xF);
        string sign = u ? "" : "-";
        bool mark = i.Rt == 15 && i.Op is not (Op.Ldrd or Op.Strd);
        long comment = 0;
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rt).Comma();
        if (immediate && i.Rn == 15)
        {
            if (p)
            {
                w.Text("[pc");
                if (offset != 0 || !u) w.Text(", #").Text(sign).Decimal(offset);
                w.Char(']').CommentAddress(u ? w.Pc + offset : w.Pc - offset);
            }
            else
            {
                w.Text("[pc], #").Text(sign).Decimal(offset);
                if (!unprivileged) mark = true;
            }
        }
        else
        {
            w.Char('[').Reg(i.Rn);
            if (p)
            {
                if (immediate)
                {
                    if (wb || !u || offset != 0) w.Text(", #").Text(sign).Decimal(offset);
                    comment = u ? offset : -(long)offset;
                }
                else
                {
                    w.Text(", ").Text(sign).Reg(rm);
                    if (!unprivileged && wb && rm == i.Rt) mark = true;
                }
                w.Text(wb ? "]!" : "]");
            }
            else
            {
                if (immediate)
                {
                    w.Text("], #").Text(sign).Decimal(offset);
                    comment = u ? offset : -(long)offset;
                }
                else
                {
                    w.Text("], ").Text(sign).Reg(rm);
                    if (!unprivileged && rm == i.Rt) mark = true;
                }
                if (!unprivileged && (wb || (!immediate && rm == 15))) mark = true;
            }
        }
        LoadStoreText.OffsetComment(comment, w);
        if (mark) w.Unpredictable();
    }

    public static void Exclusive(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab();
        bool mark = i.Rn == 15;
        switch (i.Op)
        {
            case Op.Strex or Op.Strexb or Op.Strexh or Op.Strexd:
                w.Reg(i.Rd).Comma().Reg(i.Rt);
                mark |= i.Rd == 15 || (i.Rt == 15 && i.Op != Op.Strexd);
                break;
            case Op.Stlex or Op.Stlexb or Op.Stlexh:
                w.Reg(i.Rd).Comma().Reg(i.Rt);
                break;
            case Op.Stlexd:
                w.Reg(i.Rd).Comma().Reg(i.Rt).Comma().Reg(i.Rt + 1);
                break;
            case Op.Ldaexd:
                w.Reg(i.Rt).Comma().Reg(i.Rt + 1);
                break;
            case Op.Ldrexb or Op.Ldrexh:
                w.Reg(i.Rt);
                mark |= i.Rt == 15;
                break;
            case Op.Ldrex:
                // GNU prints LDREX's register by number.
                w.Text("r").Decimal(i.Rt);
                break;
            default:
                w.Reg(i.Rt);
                break;
        }
        w.Text(", [").Reg(i.Rn).Char(']');
        if (mark) w.Unpredictable();
    }

    public static void Swap(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Swp ? "swp" : "swpb", i).Tab().Reg(i.Rt).Comma().Reg(i.Rm).Text(", [").Reg(i.Rn).Char(']');
        if (i.Rt == 15 || i.Rm == 15 || i.Rn == 15 || i.Rn == i.Rt || i.Rn == i.Rm) w.Unpredictable();
    }
}
