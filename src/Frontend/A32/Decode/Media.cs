using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.MediaText;
using static Translator.Frontend.A32.Disasm.RegisterListForm;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Packing, extension, selection, reversal and bitfield instructions of the media space (ARM ARM
/// A5.4.3 and A5.4). Where the ARM ARM has should-be bits (the (0)(0) beside an extension's
/// rotation, the (1)(1)(1)(1) of SEL and the reversals) GNU shows a word with the other value as
/// UNDEFINED, and the table follows it by fixing them. Every word of the space no line matches
/// (including the permanently undefined UDF space with a condition other than AL) is UNDEFINED.
/// The saturations live with QADD in <see cref="Saturating"/>, the multiplies and USAD8 in
/// <see cref="Multiply"/>.
/// </summary>
public static class Media
{
    private static readonly Rule AnyPc = Rules.PcIn("dnm");
    private static readonly Rule DestinationOrSourcePc = Rules.PcIn("dm");
    private static readonly Rule DestinationPc = Rules.PcIs('d');
    private static readonly Rule ExtractPc = Rules.PcIn("dn");

    /// <summary>BFC and BFI: field i is the msb, j the lsb; an msb below the lsb is UNPREDICTABLE.</summary>
    private static readonly Rule MsbBelowLsb = (in Instruction i) => i.Imm < i.Imm2 ? Reason.FieldValue : Reason.None;

    /// <summary>SBFX and UBFX: field i is the width - 1, j the lsb; a field reaching past bit 31 is UNPREDICTABLE.</summary>
    private static readonly Rule FieldPastBit31 = (in Instruction i) => i.Imm2 + i.Imm > 31 ? Reason.FieldValue : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new("PKHBT", Op.Pkhbt, "cccc01101000nnnnddddyyyyy001mmmm", Pack, Feature.Base, AnyPc),
        new("PKHTB", Op.Pkhtb, "cccc01101000nnnnddddyyyyy101mmmm", Pack, Feature.Base, AnyPc),
        new("SEL", Op.Sel, "cccc01101000nnnndddd11111011mmmm", Of("sel", "D N M"), Feature.Base, AnyPc),

        new("SXTAB16", Op.Sxtab16, "cccc01101000nnnnddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("SXTB16", Op.Sxtb16, "cccc011010001111ddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("SXTAB", Op.Sxtab, "cccc01101010nnnnddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("SXTB", Op.Sxtb, "cccc011010101111ddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("SXTAH", Op.Sxtah, "cccc01101011nnnnddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("SXTH", Op.Sxth, "cccc011010111111ddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("UXTAB16", Op.Uxtab16, "cccc01101100nnnnddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("UXTB16", Op.Uxtb16, "cccc011011001111ddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("UXTAB", Op.Uxtab, "cccc01101110nnnnddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("UXTB", Op.Uxtb, "cccc011011101111ddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("UXTAH", Op.Uxtah, "cccc01101111nnnnddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),
        new("UXTH", Op.Uxth, "cccc011011111111ddddrr000111mmmm", Extend, Feature.Base, DestinationOrSourcePc),

        new("REV", Op.Rev, "cccc011010111111dddd11110011mmmm", Of("rev", "D M"), Feature.Base, DestinationOrSourcePc),
        new("REV16", Op.Rev16, "cccc011010111111dddd11111011mmmm", Of("rev16", "D M"), Feature.Base, DestinationOrSourcePc),
        new("RBIT", Op.Rbit, "cccc011011111111dddd11110011mmmm", Of("rbit", "D M"), Feature.Base, DestinationOrSourcePc),
        new("REVSH", Op.Revsh, "cccc011011111111dddd11111011mmmm", Of("revsh", "D M"), Feature.Base, DestinationOrSourcePc),

        new("BFC", Op.Bfc, "cccc0111110iiiiiddddjjjjj0011111", BitfieldInsert, Feature.Base, DestinationPc, MsbBelowLsb),
        new("BFI", Op.Bfi, "cccc0111110iiiiiddddjjjjj001nnnn", BitfieldInsert, Feature.Base, DestinationPc, MsbBelowLsb),
        new("SBFX", Op.Sbfx, "cccc0111101iiiiiddddjjjjj101nnnn", BitfieldExtract, Feature.Base, ExtractPc, FieldPastBit31),
        new("UBFX", Op.Ubfx, "cccc0111111iiiiiddddjjjjj101nnnn", BitfieldExtract, Feature.Base, ExtractPc, FieldPastBit31),
    ];
}
