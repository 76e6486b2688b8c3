using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T32LoadStoreDualExclusiveText;
using Translator.Frontend.Thumb.Disasm;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// T32 LDRD/STRD (immediate and literal), LDREX/STREX and their byte, halfword and doubleword forms,
/// TBB/TBH, and the ARMv8 load-acquire/store-release forms. hw1 is 1110100 P U 1 W L Rn; P and W both
/// clear select the exclusives and table branches. GNU decodes the exclusives only with their
/// should-be bits as the ARM ARM gives them, so the table fixes those bits (other words are
/// UNDEFINED here, a permitted outcome of the ARM ARM's UNPREDICTABLE).
/// </summary>
public static class T32LoadStoreDualExclusive
{
    /// <summary>P and W both clear: the exclusives' space, not a doubleword load or store.</summary>
    private static bool Unindexed(uint word) => (word & 0x0120_0000) == 0;

    private static readonly Rule BaseIsPc = Rules.PcIs('n');

    private static readonly Rule WritebackOverlap =
        Rules.If(Reason.WritebackBase, WordTest.Flag('W') & (WordTest.Same('n', 't') | WordTest.Same('n', 'u')));

    private static readonly Rule SamePair = Rules.If(Reason.RegisterOverlap, WordTest.Same('t', 'u'));

    /// <summary>LDRD (literal) cannot write back to PC.</summary>
    private static readonly Rule LiteralWriteback = Rules.If(Reason.WritebackBase, WordTest.Flag('W'));

    /// <summary>The status register of a store-exclusive must differ from the base and the stored registers.</summary>
    private static readonly Rule StatusOverlap = (in Instruction i) =>
        i.Rd == i.Rn || i.Rd == i.Rt || (i.Op == Op.Strexd && i.Rd == i.Rt2) ? Reason.RegisterOverlap : Reason.None;

    private static readonly Rule TableBase = Rules.SpIn("n");

    public static readonly Encoding[] Lines =
    [
        new Encoding("STRD (immediate)", Op.Strd, "1110100PU1W0nnnnttttuuuuiiiiiiii", Dual, Feature.Base,
            BaseIsPc, T32Rules.BadReg("tu"), WritebackOverlap).Excluding(Unindexed).ImmediateInUnitsOf(4),
        new Encoding("LDRD (immediate)", Op.Ldrd, "1110100PU1W1nnnnttttuuuuiiiiiiii", Dual, Feature.Base,
            T32Rules.BadReg("tu"), SamePair, WritebackOverlap).Excluding(w => Unindexed(w) || (w & 0x000F_0000) == 0x000F_0000).ImmediateInUnitsOf(4),
        // ARMv8-M's secure gateway, which GNU shows for this one LDRD (literal) word.
        new("SG", Op.Undefined, "11101001011111111110100101111111", T32BranchMiscControlText.Fixed("sg", conditional: false), Feature.MProfile),
        new Encoding("LDRD (literal)", Op.Ldrd, "1110100PU1W11111ttttuuuuiiiiiiii", Dual, Feature.Base,
            T32Rules.BadReg("tu"), SamePair, LiteralWriteback).Excluding(Unindexed).WithField('n', 15).ImmediateInUnitsOf(4),

        new Encoding("STREX", Op.Strex, "111010000100nnnnttttddddiiiiiiii", ExclusiveWord, Feature.Base, T32Rules.BadReg("dt"), BaseIsPc, StatusOverlap).ImmediateInUnitsOf(4),
        // ARMv8-M's test-target instructions, which GNU shows for a STREX of PC with these offsets.
        new("TT", Op.Undefined, "111010000100nnnn1111dddd00000000", TestTarget("tt"), Feature.MProfile),
        new("TTT", Op.Undefined, "111010000100nnnn1111dddd01000000", TestTarget("ttt"), Feature.MProfile),
        new("TTA", Op.Undefined, "111010000100nnnn1111dddd10000000", TestTarget("tta"), Feature.MProfile),
        new("TTAT", Op.Undefined, "111010000100nnnn1111dddd11000000", TestTarget("ttat"), Feature.MProfile),
        new Encoding("LDREX", Op.Ldrex, "111010000101nnnntttt1111iiiiiiii", ExclusiveWord, Feature.Base, T32Rules.BadReg("t"), BaseIsPc).ImmediateInUnitsOf(4),
        new("STREXB", Op.Strexb, "111010001100nnnntttt11110100dddd", Exclusive, Feature.Base, T32Rules.BadReg("dt"), BaseIsPc, StatusOverlap),
        new("STREXH", Op.Strexh, "111010001100nnnntttt11110101dddd", Exclusive, Feature.Base, T32Rules.BadReg("dt"), BaseIsPc, StatusOverlap),
        new("STREXD", Op.Strexd, "111010001100nnnnttttuuuu0111dddd", Exclusive, Feature.Base, T32Rules.BadReg("dtu"), BaseIsPc, StatusOverlap),
        new("LDREXB", Op.Ldrexb, "111010001101nnnntttt111101001111", Exclusive, Feature.Base, T32Rules.BadReg("t"), BaseIsPc),
        new("LDREXH", Op.Ldrexh, "111010001101nnnntttt111101011111", Exclusive, Feature.Base, T32Rules.BadReg("t"), BaseIsPc),
        new("LDREXD", Op.Ldrexd, "111010001101nnnnttttuuuu01111111", Exclusive, Feature.Base, T32Rules.BadReg("tu"), SamePair, BaseIsPc),

        new("TBB", Op.Tbb, "111010001101nnnn111100000000mmmm", TableBranch, Feature.Base, TableBase, T32Rules.BadReg("m"), T32Rules.BranchNotLastInItBlock),
        new("TBH", Op.Tbh, "111010001101nnnn111100000001mmmm", TableBranch, Feature.Base, TableBase, T32Rules.BadReg("m"), T32Rules.BranchNotLastInItBlock),

        new("STLB", Op.Stlb, "111010001100nnnntttt111110001111", Exclusive, Feature.V8),
        new("STLH", Op.Stlh, "111010001100nnnntttt111110011111", Exclusive, Feature.V8),
        new("STL", Op.Stl, "111010001100nnnntttt111110101111", Exclusive, Feature.V8),
        new("STLEXB", Op.Stlexb, "111010001100nnnntttt11111100dddd", Exclusive, Feature.V8),
        new("STLEXH", Op.Stlexh, "111010001100nnnntttt11111101dddd", Exclusive, Feature.V8),
        new("STLEX", Op.Stlex, "111010001100nnnntttt11111110dddd", Exclusive, Feature.V8),
        new("STLEXD", Op.Stlexd, "111010001100nnnnttttuuuu1111dddd", Exclusive, Feature.V8),
        new("LDAB", Op.Ldab, "111010001101nnnntttt111110001111", Exclusive, Feature.V8),
        new("LDAH", Op.Ldah, "111010001101nnnntttt111110011111", Exclusive, Feature.V8),
        new("LDA", Op.Lda, "111010001101nnnntttt111110101111", Exclusive, Feature.V8),
        new("LDAEXB", Op.Ldaexb, "111010001101nnnntttt111111001111", Exclusive, Feature.V8),
        new("LDAEXH", Op.Ldaexh, "111010001101nnnntttt111111011111", Exclusive, Feature.V8),
        new("LDAEX", Op.Ldaex, "111010001101nnnntttt111111101111", Exclusive, Feature.V8),
        new("LDAEXD", Op.Ldaexd, "111010001101nnnnttttuuuu11111111", Exclusive, Feature.V8),
    ];
}
