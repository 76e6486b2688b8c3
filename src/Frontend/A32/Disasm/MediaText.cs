using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the Media family's encodings.</summary>
internal static class MediaText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    /// <summary>PKHBT shows its left shift only when it is not zero; PKHTB's arithmetic shift by 0 means 32.</summary>
    public static void Pack(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Reg(i.Rm);
        if (i.Op == Op.Pkhtb) w.Text(", asr ").Imm(i.ShiftImm == 0 ? 32 : i.ShiftImm);
        else if (i.ShiftImm != 0) w.Text(", lsl ").Imm(i.ShiftImm);
        if (i.Rd == 15 || i.Rn == 15 || i.Rm == 15) w.Unpredictable();
    }

    /// <summary>
    /// The extensions, with the added register for the accumulating forms (never marked: PC there is
    /// the plain form). GNU's table spells UXTAB16's rotation by 24 in capitals, and so does this.
    /// </summary>
    public static void Extend(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rd).Comma();
        if (i.Encoding!.Pattern.Has(Field.Rn)) w.Reg(i.Rn).Comma();
        w.Reg(i.Rm);
        if (i.Rotate != 0) w.Text(i.Op == Op.Uxtab16 && i.Rotate == 3 ? ", ROR " : ", ror ").Imm(8 * i.Rotate);
        if (i.Rd == 15 || i.Rm == 15) w.Unpredictable();
    }

    /// <summary>BFC and BFI as lsb and width; GNU shows an msb below the lsb as "(invalid: lsb:msb)".</summary>
    public static void BitfieldInsert(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rd).Comma();
        if (i.Op == Op.Bfi) w.Reg(i.Rn).Comma();
        if (i.Imm >= i.Imm2) w.Imm(i.Imm2).Comma().Imm(i.Imm - i.Imm2 + 1);
        else w.Text("(invalid: ").Decimal(i.Imm2).Char(':').Decimal(i.Imm).Char(')');
        if (i.Rd == 15) w.Unpredictable();
    }

    /// <summary>SBFX and UBFX; GNU marks none of their UNPREDICTABLE forms.</summary>
    public static void BitfieldExtract(in Instruction i, AsmWriter w) =>
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Imm(i.Imm2).Comma().Imm(i.Imm + 1);
}
