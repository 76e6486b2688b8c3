using Translator.Frontend.A32.Decode;
using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T32LoadStoreMultipleText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// T32 LDM/STM (increment after, decrement before), PUSH/POP (.W), SRS and RFE. hw1 is
/// 1110100 op 0 W L Rn: P and U sit where A32 has them (bits 24 and 23) for LDM/STM; SRS and RFE have
/// them the other way round, so their records carry the A32 flags (DB: P, IA: U) instead. In the
/// register list bit 13 (SP) is should-be-zero, and bit 15 too for a store; an LDM may load PC or LR
/// but not both.
/// </summary>
public static class T32LoadStoreMultiple
{
    /// <summary>Fewer than two registers, or writeback to a base (bits 16-19, also of PUSH and POP) that is in the list.</summary>
    private static readonly Rule CountAndWriteback = Rules.FirstOf(
        Rules.If(Reason.RegisterList, WordTest.FewerBitsThan('l', 2)),
        Rules.If(Reason.WritebackBase, WordTest.Bits(1u << 21, 1u << 21) & WordTest.RegisterInList(16)));

    private static readonly Rule StoreList = Rules.FirstOf(
        Rules.If(Reason.ShouldBeBits, WordTest.FieldBits('l', 0x8000, 0x8000) | WordTest.FieldBits('l', 0x2000, 0x2000)),
        CountAndWriteback);

    private static readonly Rule LoadList = Rules.FirstOf(
        Rules.If(Reason.ShouldBeBits, WordTest.FieldBits('l', 0x2000, 0x2000)),
        Rules.If(Reason.RegisterList, WordTest.FieldBits('l', 0xC000, 0xC000)),
        CountAndWriteback,
        Rules.If(Reason.ItBlock, WordTest.FieldBits('l', 0x8000, 0x8000) & WordTest.InItBlock() & WordTest.LastInItBlock(false)));

    public static readonly Encoding[] Lines =
    [
        new("STM (STMIA)", Op.Stm, "1110100010W0nnnnllllllllllllllll", Multiple, Feature.Base, Rules.PcIs('n'), StoreList),
        new("LDM (LDMIA)", Op.Ldm, "1110100010W1nnnnllllllllllllllll", Multiple, Feature.Base, Rules.PcIs('n'), LoadList),
        new("STMDB", Op.Stmdb, "1110100100W0nnnnllllllllllllllll", Multiple, Feature.Base, Rules.PcIs('n'), StoreList),
        new("LDMDB", Op.Ldmdb, "1110100100W1nnnnllllllllllllllll", Multiple, Feature.Base, Rules.PcIs('n'), LoadList),
        new("PUSH", Op.Push, "1110100100101101llllllllllllllll", Multiple, Feature.Base, StoreList),
        new("POP", Op.Pop, "1110100010111101llllllllllllllll", Multiple, Feature.Base, LoadList),
        // An LDMIA from PC without writeback or SP in its list is Armv8.1-M's CLRM to GNU.
        new Encoding("CLRM", Op.Undefined, "1110100010011111llllllllllllllll", ClearMultiple, Feature.MProfile).Excluding(w => (w & 0x2000) != 0),

        // GNU decodes SRS and RFE only with the should-be bits of hw2 as the ARM ARM gives them.
        new Encoding("SRS (DB)", Op.Srs, "1110100000W0(1)(1)(0)(1)11000000000iiiii", StoreReturnState, Feature.Base, ProcessorState.SrsMode).WithFlags("P"),
        new Encoding("SRS (IA)", Op.Srs, "1110100110W0(1)(1)(0)(1)11000000000iiiii", StoreReturnState, Feature.Base, ProcessorState.SrsMode).WithFlags("U"),
        new Encoding("RFE (DB)", Op.Rfe, "1110100000W1nnnn1100000000000000", ReturnFromException, Feature.Base, Rules.PcIs('n'), T32Rules.BranchNotLastInItBlock).WithFlags("P"),
        new Encoding("RFE (IA)", Op.Rfe, "1110100110W1nnnn1100000000000000", ReturnFromException, Feature.Base, Rules.PcIs('n'), T32Rules.BranchNotLastInItBlock).WithFlags("U"),
    ];
}
