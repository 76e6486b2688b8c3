using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.LoadStoreText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Single loads and stores: word and byte (immediate and scaled register offsets, the unprivileged
/// T forms), the extra forms (halfword, signed, doubleword), the exclusives, SWP, and the ARMv8
/// load-acquire/store-release forms.
/// </summary>
public static class LoadStore
{
    /// <summary>Writeback (post-indexed or W) with the base being PC or the transferred register.</summary>
    internal static readonly Rule WritebackConflict = Rules.If(Reason.WritebackBase,
        (WordTest.Flag('P', false) | WordTest.Flag('W')) & (WordTest.Field('n', 15) | WordTest.Same('n', 't')));

    private static readonly Rule RegisterOffsetPc = Rules.If(Reason.PcOperand, WordTest.Field('m', 15));
    private static readonly Rule ByteOrHalfToPc = Rules.PcIs('t');

    public static readonly Encoding[] Lines =
    [
        new("STR (immediate)", Op.Str, "cccc010PU0W0nnnnttttiiiiiiiiiiii", Single, Feature.Base, WritebackConflict),
        new("STR (register)", Op.Str, "cccc011PU0W0nnnnttttyyyyyzz0mmmm", Single, Feature.Base, RegisterOffsetPc, WritebackConflict),
        new("STRB (immediate)", Op.Strb, "cccc010PU1W0nnnnttttiiiiiiiiiiii", Single, Feature.Base, ByteOrHalfToPc, WritebackConflict),
        new("STRB (register)", Op.Strb, "cccc011PU1W0nnnnttttyyyyyzz0mmmm", Single, Feature.Base, ByteOrHalfToPc, RegisterOffsetPc, WritebackConflict),
        new("LDR (immediate)", Op.Ldr, "cccc010PU0W1nnnnttttiiiiiiiiiiii", Single, Feature.Base, WritebackConflict),
        new("LDR (register)", Op.Ldr, "cccc011PU0W1nnnnttttyyyyyzz0mmmm", Single, Feature.Base, RegisterOffsetPc, WritebackConflict),
        new("LDRB (immediate)", Op.Ldrb, "cccc010PU1W1nnnnttttiiiiiiiiiiii", Single, Feature.Base, ByteOrHalfToPc, WritebackConflict),
        new("LDRB (register)", Op.Ldrb, "cccc011PU1W1nnnnttttyyyyyzz0mmmm", Single, Feature.Base, ByteOrHalfToPc, RegisterOffsetPc, WritebackConflict),

        // Post-indexed with W set: the unprivileged forms.
        new("STRT (immediate)", Op.Strt, "cccc0100U010nnnnttttiiiiiiiiiiii", Single, Feature.Base, WritebackConflict),
        new("STRT (register)", Op.Strt, "cccc0110U010nnnnttttyyyyyzz0mmmm", Single, Feature.Base, RegisterOffsetPc, WritebackConflict),
        new("STRBT (immediate)", Op.Strbt, "cccc0100U110nnnnttttiiiiiiiiiiii", Single, Feature.Base, ByteOrHalfToPc, WritebackConflict),
        new("STRBT (register)", Op.Strbt, "cccc0110U110nnnnttttyyyyyzz0mmmm", Single, Feature.Base, ByteOrHalfToPc, RegisterOffsetPc, WritebackConflict),
        new("LDRT (immediate)", Op.Ldrt, "cccc0100U011nnnnttttiiiiiiiiiiii", Single, Feature.Base, ByteOrHalfToPc, WritebackConflict),
        new("LDRT (register)", Op.Ldrt, "cccc0110U011nnnnttttyyyyyzz0mmmm", Single, Feature.Base, ByteOrHalfToPc, RegisterOffsetPc, WritebackConflict),
        new("LDRBT (immediate)", Op.Ldrbt, "cccc0100U111nnnnttttiiiiiiiiiiii", Single, Feature.Base, ByteOrHalfToPc, WritebackConflict),
        new("LDRBT (register)", Op.Ldrbt, "cccc0110U111nnnnttttyyyyyzz0mmmm", Single, Feature.Base, ByteOrHalfToPc, RegisterOffsetPc, WritebackConflict),
    ];
}
