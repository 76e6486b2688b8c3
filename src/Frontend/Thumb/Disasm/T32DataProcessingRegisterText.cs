using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text of the T32 data-processing (register) forms that are not a plain list of registers.</summary>
internal static class T32DataProcessingRegisterText
{
    /// <summary>
    /// The extensions, with the added register for the accumulating forms and the rotation when it is
    /// not zero; GNU adds ".w" to SXTH, UXTH, SXTB and UXTB, which have 16-bit encodings, and marks
    /// no register.
    /// </summary>
    public static void Extend(in Instruction i, AsmWriter w)
    {
        bool accumulates = i.Encoding!.Pattern.Has(Field.Rn);
        w.Mnemonic(i.Op.ToString().ToLowerInvariant(), i);
        if (i.Op is Op.Sxth or Op.Uxth or Op.Sxtb or Op.Uxtb) w.Text(".w");
        w.Tab().Reg(i.Rd).Comma();
        if (accumulates) w.Reg(i.Rn).Comma();
        w.Reg(i.Rm);
        if (i.Rotate != 0) w.Text(", ror ").Imm(8 * i.Rotate);
    }

    /// <summary>
    /// CRC32 and CRC32C: no condition even in an IT block, every register marked when it is PC. GNU's
    /// table reads CRC32H's Rd from bits 11:9 only, so it shows register Rd / 2 there.
    /// </summary>
    public static void Checksum(in Instruction i, AsmWriter w)
    {
        int rd = i.Op == Op.Crc32h ? i.Rd >> 1 : i.Rd;
        w.Text(i.Op.ToString().ToLowerInvariant()).Tab().Reg(rd).Comma().Reg(i.Rn).Comma().Reg(i.Rm);
        if (rd == 15 || i.Rn == 15 || i.Rm == 15) w.Unpredictable();
    }
}
