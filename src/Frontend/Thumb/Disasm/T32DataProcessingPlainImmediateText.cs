using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>
/// GNU-syntax text of the T32 plain binary immediates. GNU shows immediates unsigned, shows ADR as
/// ADDW/SUBW from PC, and marks no operand of these forms UNPREDICTABLE.
/// </summary>
internal static class T32DataProcessingPlainImmediateText
{
    /// <summary>ADDW and SUBW (and ADR): "addw r0, pc, #1234", the 12-bit immediate unsigned.</summary>
    public static void AddWide(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Sub ? "subw" : "addw", i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Imm(i.Imm);
        DataProcessingText.End(i.Imm, unpredictable: false, w);
    }

    /// <summary>MOVW and MOVT: the 16-bit immediate imm4:i:imm3:imm8 (fields j and i).</summary>
    public static void MoveWide(in Instruction i, AsmWriter w)
    {
        uint imm16 = i.Imm2 << 12 | i.Imm;
        w.Mnemonic(i.Op == Op.Movt ? "movt" : "movw", i).Tab().Reg(i.Rd).Comma().Imm(imm16);
        DataProcessingText.End(imm16, unpredictable: false, w);
    }

    /// <summary>SSAT and USAT (the signed form encodes the position minus one); a shift shown as GNU does, "asr" for sh = 1.</summary>
    public static void Saturate(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Ssat ? "ssat" : "usat", i).Tab().Reg(i.Rd).Comma().Imm(i.Op == Op.Ssat ? i.Imm + 1 : i.Imm).Comma().Reg(i.Rn);
        if (i.Flag('H')) w.Text(", asr ").Imm(i.ShiftImm);
        else if (i.ShiftImm != 0) w.Text(", lsl ").Imm(i.ShiftImm);
    }

    /// <summary>
    /// SSAT16 and USAT16. GNU reads the position from bits 4:0, one more than the field: bit 4 is a
    /// should-be-zero bit of the ARM ARM.
    /// </summary>
    public static void Saturate16(in Instruction i, AsmWriter w)
    {
        uint position = i.Word & 0x1F;
        w.Mnemonic(i.Op == Op.Ssat16 ? "ssat16" : "usat16", i).Tab().Reg(i.Rd).Comma().Imm(i.Op == Op.Ssat16 ? position + 1 : position).Comma().Reg(i.Rn);
    }

    /// <summary>BFI and BFC as lsb (field j) and width msb - lsb + 1 (field i is the msb), unsigned as GNU prints it even when the msb is below the lsb.</summary>
    public static void BitfieldInsert(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Bfi ? "bfi" : "bfc", i).Tab().Reg(i.Rd).Comma();
        if (i.Op == Op.Bfi) w.Reg(i.Rn).Comma();
        w.Imm(i.Imm2).Comma().Imm(unchecked(i.Imm - i.Imm2 + 1));
    }

    /// <summary>SBFX and UBFX as lsb (field j) and width (field i is the width minus one).</summary>
    public static void BitfieldExtract(in Instruction i, AsmWriter w) =>
        w.Mnemonic(i.Op == Op.Sbfx ? "sbfx" : "ubfx", i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Imm(i.Imm2).Comma().Imm(i.Imm + 1);
}
