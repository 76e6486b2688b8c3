using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>
/// GNU-syntax text of the T32 single loads, stores and memory hints. GNU prints this whole space
/// from the word's bits alone, whichever encoding the ARM ARM assigns a word to: the mnemonic
/// from the size bits (PLD, PLDW and PLI when a byte or halfword load targets PC), the address
/// from the offset form in bits 11:8, and an unallocated form as "&lt;undefined&gt;" inside the brackets.
/// </summary>
internal static class T32LoadStoreText
{
    public static void Single(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        bool load = (word & 1u << 20) != 0, signed = (word & 1u << 24) != 0, up = (word & 1u << 23) != 0;
        uint size = (word >> 21) & 3, form = (word >> 8) & 0xF;
        int rt = (int)((word >> 12) & 0xF);
        string? hint = !load || rt != 15 ? null : (signed, size) switch
        {
            (false, 0) => "pld",
            (false, 1) => "pldw",
            (true, 0) => "pli",
            _ => null,
        };
        if (hint is not null)
            w.Mnemonic(hint, i).Tab();
        else
        {
            w.Text(load ? "ldr" : "str").Text(SizeSuffix(signed, size));
            if (!up && form == 0xE) w.Char('t').Cond(i);
            else w.Cond(i).Text(".w");
            w.Tab().Reg(rt).Comma();
        }
        long comment = Address(i, w);
        if (comment > 32) w.Text("\t@ 0x").Text(comment.ToString("x", CultureInfo.InvariantCulture));
    }

    /// <summary>GNU's %w: b, sb, h, sh, nothing for a word, and "??" for the unallocated sizes.</summary>
    private static string SizeSuffix(bool signed, uint size) => size switch
    {
        0 => signed ? "sb" : "b",
        1 => signed ? "sh" : "h",
        2 => signed ? "??" : "",
        _ => "??",
    };

    /// <summary>
    /// GNU's %a: <c>[rn, #imm12]</c>, a literal <c>[pc, #-imm12]</c> with its address in a comment,
    /// <c>[rn, rm, lsl #n]</c>, or the 8-bit forms (offset, pre-indexed, post-indexed). Returns the
    /// 12-bit offset GNU shows again as a hex comment (zero for the other forms).
    /// </summary>
    private static long Address(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        int rn = (int)((word >> 16) & 0xF);
        bool up = (word & 1u << 23) != 0;
        uint imm12 = word & 0xFFF, imm8 = word & 0xFF;
        w.Char('[').Reg(rn);
        long offset, comment = 0;
        bool writeback = false, post = false;
        if (up)
        {
            offset = imm12;
            if (rn != 15) comment = offset;
        }
        else if (rn == 15)
            offset = -imm12;
        else
        {
            switch ((word >> 8) & 0xF)
            {
                case 0x0:
                    w.Comma().Reg((int)(word & 0xF));
                    if ((word & 0x30) != 0) w.Text(", lsl #").Decimal((word >> 4) & 3);
                    w.Char(']');
                    return 0;
                case 0xE: offset = imm8; break;
                case 0xC: offset = -imm8; break;
                case 0xF: offset = imm8; writeback = true; break;
                case 0xD: offset = -imm8; writeback = true; break;
                case 0xB: offset = imm8; post = true; break;
                case 0x9: offset = -imm8; post = true; break;
                default:
                    w.Text(", <undefined>]");
                    return 0;
            }
        }
        if (post) w.Text("], #").Decimal(offset);
        else
        {
            if (offset != 0) w.Text(", #").Decimal(offset);
            w.Text(writeback ? "]!" : "]");
        }
        if (rn == 15) w.CommentAddress((uint)((w.Pc & ~3u) + offset));
        return comment;
    }
}
