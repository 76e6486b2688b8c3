using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Decode.AdvancedSimdRules;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Advanced SIMD element and structure loads and stores (ARM ARM A7.7): bit 21 is L (load), bit 23
/// chooses multiple structures (type in bits 11:8, size 7:6, align 5:4) or a single structure to one
/// lane (size 11:10, index_align 7:4) or, for loads with size 11, to all lanes (size 7:6, T bit 5,
/// a bit 4). Rn is the base, Rm the post-index register (13: writeback, 15: none).
/// </summary>
internal static class AdvancedSimdLoadStore
{
    private static readonly Rule Size3 = SizeIs(3);

    private static Rule AlignIs(params uint[] values) =>
        (in Instruction i) => values.Contains(i.Imm) ? Reason.FieldValue : Reason.None;

    /// <summary>
    /// The store (L clear) and the load (L set) of one pattern, which has <c>L</c> at bit 21. The
    /// transfer names D:Vd and the next <paramref name="span"/> - 1 registers; past D31, or with PC as
    /// the base, it is UNPREDICTABLE.
    /// </summary>
    private static Encoding[] StoreLoad(int n, string kind, string pattern, Func<Instruction, int> span, params Rule[] undefined)
    {
        Op store = n switch { 1 => Op.Vst1, 2 => Op.Vst2, 3 => Op.Vst3, _ => Op.Vst4 };
        Op load = n switch { 1 => Op.Vld1, 2 => Op.Vld2, 3 => Op.Vld3, _ => Op.Vld4 };
        Rule[] unpredictable = [Rules.PcIs('n'), PastLastRegister(span)];
        return
        [
            Line($"VST{n} ({kind})", store, pattern.Replace('L', '0'), undefined, unpredictable),
            Line($"VLD{n} ({kind})", load, pattern.Replace('L', '1'), undefined, unpredictable),
        ];
    }

    private static Func<Instruction, int> Registers(int count) => _ => count;

    /// <summary>Multiple structures: the register spacing of a type whose bit 8 selects 2.</summary>
    private static int TypeSpacing(Instruction i) => (int)((i.Word >> 8) & 1) + 1;

    /// <summary>One lane: the register spacing, 2 when index_align has the bit above the index (sizes 01 and 10).</summary>
    private static int LaneSpacing(Instruction i) => i.ElementSize == 0 ? 1 : (int)((i.Imm >> i.ElementSize) & 1) + 1;

    /// <summary>All lanes: the register spacing T selects.</summary>
    private static int AllLanesSpacing(Instruction i) => i.Flag('T') ? 2 : 1;

    private static Encoding AllLanes(int n, Op op, string pattern, Func<Instruction, int> span, params Rule[] undefined) =>
        Line($"VLD{n} ({(n == 1 ? "single element" : $"single {n}-element structure")} to all lanes)", op, pattern,
            undefined, [Rules.PcIs('n'), PastLastRegister(span)]);

    private static readonly Rule ByteAligned = (in Instruction i) => i.ElementSize == 0 && i.Flag('A') ? Reason.FieldValue : Reason.None;
    private static readonly Rule Aligned = (in Instruction i) => i.Flag('A') ? Reason.FieldValue : Reason.None;
    private static readonly Rule WordsUnaligned = (in Instruction i) => i.ElementSize == 3 && !i.Flag('A') ? Reason.FieldValue : Reason.None;

    public static readonly Encoding[] Lines =
    [
        .. StoreLoad(4, "multiple 4-element structures", "11110100 0dL0 nnnn dddd 000x eeii mmmm", i => 3 * TypeSpacing(i) + 1, Size3),
        .. StoreLoad(1, "multiple single elements, four registers", "11110100 0dL0 nnnn dddd 0010 eeii mmmm", Registers(4)),
        .. StoreLoad(2, "multiple 2-element structures, four registers", "11110100 0dL0 nnnn dddd 0011 eeii mmmm", Registers(4), Size3),
        .. StoreLoad(3, "multiple 3-element structures", "11110100 0dL0 nnnn dddd 010x eeii mmmm", i => 2 * TypeSpacing(i) + 1, Size3, AlignIs(2, 3)),
        .. StoreLoad(1, "multiple single elements, three registers", "11110100 0dL0 nnnn dddd 0110 eeii mmmm", Registers(3), AlignIs(2, 3)),
        .. StoreLoad(1, "multiple single elements, one register", "11110100 0dL0 nnnn dddd 0111 eeii mmmm", Registers(1), AlignIs(2, 3)),
        .. StoreLoad(2, "multiple 2-element structures", "11110100 0dL0 nnnn dddd 100x eeii mmmm", i => TypeSpacing(i) + 1, Size3, AlignIs(3)),
        .. StoreLoad(1, "multiple single elements, two registers", "11110100 0dL0 nnnn dddd 1010 eeii mmmm", Registers(2), AlignIs(3)),

        // One lane: the index_align values the ARM ARM makes UNDEFINED have no line.
        .. StoreLoad(1, "single element to one lane", "11110100 1dL0 nnnn dddd ee00 iiii mmmm where e=00 i=xxx0", Registers(1)),
        .. StoreLoad(1, "single element to one lane", "11110100 1dL0 nnnn dddd ee00 iiii mmmm where e=01 i=xx0x", Registers(1)),
        .. StoreLoad(1, "single element to one lane", "11110100 1dL0 nnnn dddd ee00 iiii mmmm where e=10 i=x000", Registers(1)),
        .. StoreLoad(1, "single element to one lane", "11110100 1dL0 nnnn dddd ee00 iiii mmmm where e=10 i=x011", Registers(1)),
        .. StoreLoad(2, "single 2-element structure to one lane", "11110100 1dL0 nnnn dddd ee01 iiii mmmm where e=0x", i => LaneSpacing(i) + 1),
        .. StoreLoad(2, "single 2-element structure to one lane", "11110100 1dL0 nnnn dddd ee01 iiii mmmm where e=10 i=xx0x", i => LaneSpacing(i) + 1),
        .. StoreLoad(3, "single 3-element structure to one lane", "11110100 1dL0 nnnn dddd ee10 iiii mmmm where e=0x i=xxx0", i => 2 * LaneSpacing(i) + 1),
        .. StoreLoad(3, "single 3-element structure to one lane", "11110100 1dL0 nnnn dddd ee10 iiii mmmm where e=10 i=xx00", i => 2 * LaneSpacing(i) + 1),
        .. StoreLoad(4, "single 4-element structure to one lane", "11110100 1dL0 nnnn dddd ee11 iiii mmmm where e=0x", i => 3 * LaneSpacing(i) + 1),
        .. StoreLoad(4, "single 4-element structure to one lane", "11110100 1dL0 nnnn dddd ee11 iiii mmmm where e=10 i=xx0x", i => 3 * LaneSpacing(i) + 1),
        .. StoreLoad(4, "single 4-element structure to one lane", "11110100 1dL0 nnnn dddd ee11 iiii mmmm where e=10 i=xx10", i => 3 * LaneSpacing(i) + 1),
        // A store of one lane with size 11 is UNDEFINED; GNU reads these as 64-bit lanes.
        Line("VST1 (single element to one lane, size 11)", Op.Vst1, "11110100 1d00 nnnn dddd 1100 iiii mmmm where i=0000", Always),
        Line("VST1 (single element to one lane, size 11)", Op.Vst1, "11110100 1d00 nnnn dddd 1100 iiii mmmm where i=0111", Always),
        Line("VST2 (single 2-element structure to one lane, size 11)", Op.Vst2, "11110100 1d00 nnnn dddd 1101 iiii mmmm", Always),
        Line("VST3 (single 3-element structure to one lane, size 11)", Op.Vst3, "11110100 1d00 nnnn dddd 1110 iiii mmmm where i=xxx0", Always),
        Line("VST4 (single 4-element structure to one lane, size 11)", Op.Vst4, "11110100 1d00 nnnn dddd 1111 iiii mmmm", Always),

        AllLanes(1, Op.Vld1, "11110100 1d10 nnnn dddd 1100 eeTA mmmm", AllLanesSpacing, Size3, ByteAligned),
        AllLanes(2, Op.Vld2, "11110100 1d10 nnnn dddd 1101 eeTA mmmm", i => AllLanesSpacing(i) + 1, Size3),
        AllLanes(3, Op.Vld3, "11110100 1d10 nnnn dddd 1110 eeTA mmmm", i => 2 * AllLanesSpacing(i) + 1, Size3, Aligned),
        AllLanes(4, Op.Vld4, "11110100 1d10 nnnn dddd 1111 eeTA mmmm", i => 3 * AllLanesSpacing(i) + 1, WordsUnaligned),
    ];
}
