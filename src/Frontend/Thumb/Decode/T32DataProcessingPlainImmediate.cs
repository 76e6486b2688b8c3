using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Decode.T32DataProcessingRules;
using static Translator.Frontend.Thumb.Disasm.T32DataProcessingPlainImmediateText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// Data processing with a plain binary immediate (ARM ARM A6.3.3): ADDW/SUBW with a 12-bit
/// immediate (field i = i:imm3:imm8), their SP forms and ADR (Rn = PC, the same operations on
/// Align(PC, 4)); MOVW/MOVT (field j = imm4 above field i = i:imm3:imm8); the saturations, whose
/// shift amount is imm3:imm2 (field y) and whose sh bit is flag H as in A32; the bitfield
/// operations, with lsb imm3:imm2 as field j and msb or width - 1 as field i as in A32. GNU shows a
/// word with one of the should-be-zero bits 26 or 5 set as UNDEFINED (but not bit 4 of SSAT16 and
/// USAT16, whose position it reads from bits 4:0), and the table follows it by fixing them. Every
/// other op value is UNDEFINED.
/// </summary>
public static class T32DataProcessingPlainImmediate
{
    /// <summary>BFC and BFI: an msb below the lsb is UNPREDICTABLE.</summary>
    private static readonly Rule MsbBelowLsb = (in Instruction i) => i.Imm < i.Imm2 ? Reason.FieldValue : Reason.None;

    /// <summary>SBFX and UBFX: a field reaching past bit 31 is UNPREDICTABLE.</summary>
    private static readonly Rule FieldPastBit31 = (in Instruction i) => i.Imm2 + i.Imm > 31 ? Reason.FieldValue : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new Encoding("ADDW (ADD immediate)", Op.Add, "11110i100000nnnn0iiiddddiiiiiiii", AddWide, Feature.Base, NoSpOrPc("d")),
        new Encoding("ADDW (ADD SP plus immediate)", Op.Add, "11110i10000011010iiiddddiiiiiiii", AddWide, Feature.Base, Rules.PcIs('d')).WithField('n', 13),
        new Encoding("ADR (add)", Op.Add, "11110i10000011110iiiddddiiiiiiii", AddWide, Feature.Base, NoSpOrPc("d")).WithField('n', 15),
        new Encoding("SUBW (SUB immediate)", Op.Sub, "11110i101010nnnn0iiiddddiiiiiiii", AddWide, Feature.Base, NoSpOrPc("d")),
        new Encoding("SUBW (SUB SP minus immediate)", Op.Sub, "11110i10101011010iiiddddiiiiiiii", AddWide, Feature.Base, Rules.PcIs('d')).WithField('n', 13),
        new Encoding("ADR (subtract)", Op.Sub, "11110i10101011110iiiddddiiiiiiii", AddWide, Feature.Base, NoSpOrPc("d")).WithField('n', 15),
        new("MOVW", Op.Movw, "11110i100100jjjj0iiiddddiiiiiiii", MoveWide, Feature.Base, NoSpOrPc("d")),
        new("MOVT", Op.Movt, "11110i101100jjjj0iiiddddiiiiiiii", MoveWide, Feature.Base, NoSpOrPc("d")),

        new("SSAT", Op.Ssat, "1111001100H0nnnn0yyyddddyy0iiiii", Saturate, Feature.Base, NoSpOrPc("dn")),
        new("SSAT16", Op.Ssat16, "111100110010nnnn0000dddd000(0)iiii", Saturate16, Feature.Base, NoSpOrPc("dn")),
        new("USAT", Op.Usat, "1111001110H0nnnn0yyyddddyy0iiiii", Saturate, Feature.Base, NoSpOrPc("dn")),
        new("USAT16", Op.Usat16, "111100111010nnnn0000dddd000(0)iiii", Saturate16, Feature.Base, NoSpOrPc("dn")),

        new("SBFX", Op.Sbfx, "111100110100nnnn0jjjddddjj0iiiii", BitfieldExtract, Feature.Base, [.. NoSpOrPc("dn"), FieldPastBit31]),
        new("UBFX", Op.Ubfx, "111100111100nnnn0jjjddddjj0iiiii", BitfieldExtract, Feature.Base, [.. NoSpOrPc("dn"), FieldPastBit31]),
        new("BFI", Op.Bfi, "111100110110nnnn0jjjddddjj0iiiii", BitfieldInsert, Feature.Base, [.. NoSpOrPc("d"), NoSp("n"), MsbBelowLsb]),
        new("BFC", Op.Bfc, "1111001101101111 0jjjddddjj0iiiii", BitfieldInsert, Feature.Base, [.. NoSpOrPc("d"), MsbBelowLsb]),
    ];
}
