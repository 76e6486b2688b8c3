using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.LoadStoreExtraText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// The extra loads and stores (halfword, signed byte and halfword, doubleword, their unprivileged
/// forms), the exclusives, SWP/SWPB and the ARMv8 load-acquire/store-release forms.
/// </summary>
public static class LoadStoreExtra
{
    private static readonly Rule WritebackConflict = LoadStore.WritebackConflict;
    private static readonly Rule PairRule = Rules.FirstOf(
        Rules.If(Reason.RegisterPair, WordTest.FieldBits('t', 1, 1) | WordTest.Field('t', 14)),
        Rules.If(Reason.FieldValue, WordTest.Bits(1u << 24 | 1u << 21, 1u << 21)), // post-indexed with W set
        Rules.If(Reason.WritebackBase, (WordTest.Bits(1u << 24, 0) | WordTest.Bits(1u << 21, 1u << 21))
            & WordTest.Where((in Instruction i) => i.Rn == i.Rt + 1)));
    private static readonly Rule AnyPc = Rules.PcIn("tnmd");
    private static readonly Rule OffsetIsPair = (in Instruction i) => i.Rm == i.Rt || i.Rm == i.Rt + 1 ? Reason.RegisterOverlap : Reason.None;
    /// <summary>The unprivileged forms always write the base back, so the base may not be the transferred register.</summary>
    private static readonly Rule BaseIsTransferred = (in Instruction i) => i.Rn == i.Rt ? Reason.WritebackBase : Reason.None;
    /// <summary>The status register of a store-exclusive must differ from the base and the stored registers.</summary>
    private static readonly Rule StatusOverlap = (in Instruction i) =>
        i.Rd == i.Rn || i.Rd == i.Rt || (i.Op == Op.Strexd && i.Rd == i.Rt + 1) ? Reason.RegisterOverlap : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new("STRH (immediate)", Op.Strh, "cccc000PU1W0nnnnttttiiii1011iiii", Extra, Feature.Base, Rules.PcIs('t'), WritebackConflict),
        new("STRH (register)", Op.Strh, "cccc000PU0W0nnnntttt00001011mmmm", Extra, Feature.Base, Rules.PcIn("tm"), WritebackConflict),
        new("LDRH (immediate)", Op.Ldrh, "cccc000PU1W1nnnnttttiiii1011iiii", Extra, Feature.Base, Rules.PcIs('t'), WritebackConflict),
        new("LDRH (register)", Op.Ldrh, "cccc000PU0W1nnnntttt00001011mmmm", Extra, Feature.Base, Rules.PcIn("tm"), WritebackConflict),
        new("LDRSB (immediate)", Op.Ldrsb, "cccc000PU1W1nnnnttttiiii1101iiii", Extra, Feature.Base, Rules.PcIs('t'), WritebackConflict),
        new("LDRSB (register)", Op.Ldrsb, "cccc000PU0W1nnnntttt00001101mmmm", Extra, Feature.Base, Rules.PcIn("tm"), WritebackConflict),
        new("LDRSH (immediate)", Op.Ldrsh, "cccc000PU1W1nnnnttttiiii1111iiii", Extra, Feature.Base, Rules.PcIs('t'), WritebackConflict),
        new("LDRSH (register)", Op.Ldrsh, "cccc000PU0W1nnnntttt00001111mmmm", Extra, Feature.Base, Rules.PcIn("tm"), WritebackConflict),
        new("LDRD (immediate)", Op.Ldrd, "cccc000PU1W0nnnnttttiiii1101iiii", Extra, Feature.Base, PairRule, WritebackConflict),
        new("LDRD (register)", Op.Ldrd, "cccc000PU0W0nnnntttt(0)(0)(0)(0)1101mmmm", Extra, Feature.Base, PairRule, Rules.PcIs('m'), WritebackConflict, OffsetIsPair),
        new("STRD (immediate)", Op.Strd, "cccc000PU1W0nnnnttttiiii1111iiii", Extra, Feature.Base, PairRule, WritebackConflict),
        new("STRD (register)", Op.Strd, "cccc000PU0W0nnnntttt(0)(0)(0)(0)1111mmmm", Extra, Feature.Base, PairRule, Rules.PcIs('m'), WritebackConflict),

        // The unprivileged halfword forms are post-indexed; bits 11:8 of the register forms are
        // should-be-zero in the ARM ARM, which GNU does not check, so neither does the table.
        new Encoding("STRHT (immediate)", Op.Strht, "cccc0000U110nnnnttttiiii1011iiii", Extra, Feature.Base, Rules.PcIn("tn"), BaseIsTransferred).Prefer(),
        new Encoding("STRHT (register)", Op.Strht, "cccc0000U010nnnnttttxxxx1011mmmm", Extra, Feature.Base, Rules.PcIn("tnm"), BaseIsTransferred).Prefer(),
        new Encoding("LDRHT (immediate)", Op.Ldrht, "cccc0000U111nnnnttttiiii1011iiii", Extra, Feature.Base, Rules.PcIn("tn"), BaseIsTransferred).Prefer(),
        new Encoding("LDRHT (register)", Op.Ldrht, "cccc0000U011nnnnttttxxxx1011mmmm", Extra, Feature.Base, Rules.PcIn("tnm"), BaseIsTransferred).Prefer(),
        new Encoding("LDRSBT (immediate)", Op.Ldrsbt, "cccc0000U111nnnnttttiiii1101iiii", Extra, Feature.Base, Rules.PcIn("tn"), BaseIsTransferred).Prefer(),
        new Encoding("LDRSBT (register)", Op.Ldrsbt, "cccc0000U011nnnnttttxxxx1101mmmm", Extra, Feature.Base, Rules.PcIn("tnm"), BaseIsTransferred).Prefer(),
        new Encoding("LDRSHT (immediate)", Op.Ldrsht, "cccc0000U111nnnnttttiiii1111iiii", Extra, Feature.Base, Rules.PcIn("tn"), BaseIsTransferred).Prefer(),
        new Encoding("LDRSHT (register)", Op.Ldrsht, "cccc0000U011nnnnttttxxxx1111mmmm", Extra, Feature.Base, Rules.PcIn("tnm"), BaseIsTransferred).Prefer(),

        new("LDREX", Op.Ldrex, "cccc00011001nnnntttt111110011111", Exclusive, Feature.Base, Rules.PcIn("tn")),
        new("LDREXB", Op.Ldrexb, "cccc00011101nnnntttt111110011111", Exclusive, Feature.Base, Rules.PcIn("tn")),
        new("LDREXH", Op.Ldrexh, "cccc00011111nnnntttt111110011111", Exclusive, Feature.Base, Rules.PcIn("tn")),
        new("LDREXD", Op.Ldrexd, "cccc00011011nnnntttt111110011111", Exclusive, Feature.Base, PairRule, Rules.PcIs('n')),
        new("STREX", Op.Strex, "cccc00011000nnnndddd11111001tttt", Exclusive, Feature.Base, AnyPc, StatusOverlap),
        new("STREXB", Op.Strexb, "cccc00011100nnnndddd11111001tttt", Exclusive, Feature.Base, AnyPc, StatusOverlap),
        new("STREXH", Op.Strexh, "cccc00011110nnnndddd11111001tttt", Exclusive, Feature.Base, AnyPc, StatusOverlap),
        new("STREXD", Op.Strexd, "cccc00011010nnnndddd11111001tttt", Exclusive, Feature.Base, PairRule, AnyPc, StatusOverlap),
        new("SWP", Op.Swp, "cccc00010000nnnntttt00001001mmmm", Swap, Feature.Base, Rules.PcIn("tnm")),
        new("SWPB", Op.Swpb, "cccc00010100nnnntttt00001001mmmm", Swap, Feature.Base, Rules.PcIn("tnm")),

        new("LDA", Op.Lda, "cccc00011001nnnntttt110010011111", Exclusive, Feature.V8),
        new("LDAB", Op.Ldab, "cccc00011101nnnntttt110010011111", Exclusive, Feature.V8),
        new("LDAH", Op.Ldah, "cccc00011111nnnntttt110010011111", Exclusive, Feature.V8),
        new("STL", Op.Stl, "cccc00011000nnnn111111001001tttt", Exclusive, Feature.V8),
        new("STLB", Op.Stlb, "cccc00011100nnnn111111001001tttt", Exclusive, Feature.V8),
        new("STLH", Op.Stlh, "cccc00011110nnnn111111001001tttt", Exclusive, Feature.V8),
        new("LDAEX", Op.Ldaex, "cccc00011001nnnntttt111010011111", Exclusive, Feature.V8),
        new("LDAEXB", Op.Ldaexb, "cccc00011101nnnntttt111010011111", Exclusive, Feature.V8),
        new("LDAEXH", Op.Ldaexh, "cccc00011111nnnntttt111010011111", Exclusive, Feature.V8),
        new("LDAEXD", Op.Ldaexd, "cccc00011011nnnntttt111010011111", Exclusive, Feature.V8),
        new("STLEX", Op.Stlex, "cccc00011000nnnndddd11101001tttt", Exclusive, Feature.V8),
        new("STLEXB", Op.Stlexb, "cccc00011100nnnndddd11101001tttt", Exclusive, Feature.V8),
        new("STLEXH", Op.Stlexh, "cccc00011110nnnndddd11101001tttt", Exclusive, Feature.V8),
        new("STLEXD", Op.Stlexd, "cccc00011010nnnndddd11101001tttt", Exclusive, Feature.V8),
    ];
}
