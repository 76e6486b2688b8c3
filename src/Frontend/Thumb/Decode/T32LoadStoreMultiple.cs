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
    private static readonly Rule StoreList = (in Instruction i) =>
        (i.RegList & 0xA000) != 0 ? Reason.ShouldBeBits : CountAndWriteback(i);

    private static readonly Rule LoadList = (in Instruction i) =>
        (i.RegList & 0x2000) != 0 ? Reason.ShouldBeBits
        : (i.RegList & 0xC000) == 0xC000 ? Reason.RegisterList
        : CountAndWriteback(i) is var r && r != Reason.None ? r
        : (i.RegList & 0x8000) != 0 ? T32Rules.BranchNotLastInItBlock(i)
        : Reason.None;

    /// <summary>Fewer than two registers, or writeback to a base that is in the list.</summary>
    private static Reason CountAndWriteback(in Instruction i) =>
        uint.PopCount(i.RegList) < 2 ? Reason.RegisterList
        : (i.Word & 1u << 21) != 0 && (i.RegList & 1 << Base(i)) != 0 ? Reason.WritebackBase
        : Reason.None;

    private static int Base(in Instruction i) => (int)((i.Word >> 16) & 0xF);

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
