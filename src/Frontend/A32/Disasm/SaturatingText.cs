using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the Saturating family's encodings.</summary>
internal static class SaturatingText
{
    /// <summary>The signed forms encode the saturation position minus one, the unsigned forms the position itself.</summary>
    private static uint Position(in Instruction i) => i.Op is Op.Ssat or Op.Ssat16 ? i.Imm + 1 : i.Imm;

    /// <summary>SSAT and USAT; a left shift by 0 is not shown, an arithmetic one by 0 is shown as GNU does ("asr #0", meaning 32).</summary>
    public static void Saturate(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Ssat ? "ssat" : "usat", i).Tab().Reg(i.Rd).Comma().Imm(Position(i)).Comma().Reg(i.Rn);
        if (i.Flag('H')) w.Text(", asr ").Imm(i.ShiftImm);
        else if (i.ShiftImm != 0) w.Text(", lsl ").Imm(i.ShiftImm);
        if (i.Rd == 15 || i.Rn == 15) w.Unpredictable();
    }

    /// <summary>SSAT16 and USAT16; GNU marks PC operands of USAT16 but not of SSAT16.</summary>
    public static void Saturate16(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Ssat16 ? "ssat16" : "usat16", i).Tab().Reg(i.Rd).Comma().Imm(Position(i)).Comma().Reg(i.Rn);
        if (i.Op == Op.Usat16 && (i.Rd == 15 || i.Rn == 15)) w.Unpredictable();
    }
}
