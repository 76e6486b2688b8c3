namespace Translator.Frontend.Decoding;

/// <summary>
/// Decodes words against one instruction set's table for a given feature set. Built once from the
/// table; decoding allocates nothing, and an encoding's rules run only for the words that match it.
/// </summary>
public sealed class InstructionDecoder
{
    private readonly DecodeTree _tree;
    private readonly byte _size;
    private readonly Feature _features;

    public IReadOnlyList<Encoding> Encodings { get; }

    /// <param name="encodings">The table; each pattern's top four bits are either <c>cccc</c> or fixed.</param>
    /// <param name="splitOnCondition">A32: words with condition 0b1111 use only the patterns that fix it.</param>
    public InstructionDecoder(IReadOnlyList<Encoding> encodings, Feature features, bool splitOnCondition, byte size = 4)
    {
        Encodings = encodings;
        _size = size;
        _features = features;
        _tree = new DecodeTree(encodings, features, splitOnCondition);
    }

    public Instruction Decode(uint word)
    {
        ref readonly var c = ref _tree.Find(word);
        return Verdict(word, c, (Condition)(Bits.Gather(word, c.CondMask) | c.CondDefault), _size, Lane.ItPosition.Outside);
    }

    /// <summary>
    /// Decodes a Thumb instruction at a position in an IT block: it takes <paramref name="itCond"/>,
    /// and the rules see the position (a branch must be last, ...). A conditional branch, the one
    /// encoding with a condition field of its own, is UNPREDICTABLE there; it too reports the
    /// block's condition, and its text reads its own field.
    /// </summary>
    public Instruction DecodeInItBlock(uint word, Condition itCond, bool last) =>
        Verdict(word, _tree.Find(word), itCond, (byte)(_size | Instruction.InItBit | (last ? Instruction.LastInItBit : 0)),
            last ? Lane.ItPosition.Last : Lane.ItPosition.Inside);

    /// <summary>
    /// <see cref="Decode"/> when <paramref name="inItBlock"/> is false, else <see cref="DecodeInItBlock"/>,
    /// chosen by arithmetic rather than a branch: Thumb code mixes the two unpredictably.
    /// </summary>
    internal Instruction Decode(uint word, bool inItBlock, Condition itCond, bool last)
    {
        ref readonly var c = ref _tree.Find(word);
        int inside = inItBlock ? 1 : 0, lastInside = inside & (last ? 1 : 0);
        uint own = Bits.Gather(word, c.CondMask) | c.CondDefault;
        var cond = (Condition)(own + (((uint)itCond - own) & (uint)-inside));
        byte info = (byte)(_size | inside * Instruction.InItBit | lastInside * Instruction.LastInItBit);
        // Outside 0, inside 1, last 2, as Lane.ItPosition numbers them.
        return Verdict(word, c, cond, info, inside + lastInside);
    }

    /// <summary>The verdict of the first compiled rule that fires; rules it cannot express exactly are called.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private Instruction Verdict(uint word, in DecodeTree.Candidate c, Condition cond, byte info, int itPosition)
    {
        int set = DecodeTree.LaneSetOf(c, itPosition);
        ref readonly var lanes = ref _tree.Lanes(set);
        uint fired = lanes.Fired(word) | 1u << LaneSet.Width;
        int k = System.Numerics.BitOperations.TrailingZeroCount(fired);
        if ((lanes.Maybe & 1u << k) != 0) return Resolve(word, c.Encoding!, cond, info, set, fired);
        var (cls, reason) = lanes.Verdict(k);
        return new Instruction(word, c.Encoding, cond, cls, reason, info);
    }

    /// <summary>
    /// The verdict when a maybe lane fires first: the lanes before it held nothing, so each fired lane
    /// in turn is decided, maybe lanes by evaluating what they stand for on the record.
    /// </summary>
    /// <remarks>Not inlined: it is the rare path, and inlined it would crowd the common one.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Instruction Resolve(uint word, Encoding encoding, Condition cond, byte info, int set, uint fired)
    {
        ref readonly var lanes = ref _tree.Lanes(set);
        var insn = new Instruction(word, encoding, cond, InstrClass.Defined, Reason.None, info);
        for (; ; fired &= fired - 1)
        {
            int k = System.Numerics.BitOperations.TrailingZeroCount(fired);
            var (cls, reason) = lanes.Verdict(k);
            if ((lanes.Maybe & 1u << k) == 0) return k == LaneSet.Width ? insn : insn.WithClass(cls, reason);
            switch (_tree.Resolver(set, k))
            {
                case WordTest.Clause clause:
                    if (clause.Holds(insn)) return insn.WithClass(cls, reason);
                    break;
                case Rule rule:
                    if (rule(insn) is var r && r != Reason.None) return insn.WithClass(cls, r);
                    break;
                default:
                    return Classify(word, cond, encoding, info);
            }
        }
    }

    /// <summary>The verdict of an encoding with rules: its UNDEFINED rules, its should-be bits, then its UNPREDICTABLE rules.</summary>
    private Instruction Classify(uint word, Condition cond, Encoding encoding, byte info)
    {
        if ((encoding.Feature & ~_features) != 0) return new Instruction(word, encoding, cond, InstrClass.Undefined, Reason.MissingFeature, info);
        var insn = new Instruction(word, encoding, cond, InstrClass.Defined, Reason.None, info);
        foreach (var rule in encoding.UndefinedRules)
        {
            var r = rule(insn);
            if (r != Reason.None) return insn.WithClass(InstrClass.Undefined, r);
        }
        var p = encoding.Pattern;
        if ((word & p.ShouldBeMask) != p.ShouldBeValue) return insn.WithClass(InstrClass.Unpredictable, Reason.ShouldBeBits);
        foreach (uint mask in encoding.PcMasks)
            if ((word & mask) == mask) return insn.WithClass(InstrClass.Unpredictable, Reason.PcOperand);
        foreach (var rule in encoding.OtherUnpredictable)
        {
            var r = rule(insn);
            if (r != Reason.None) return insn.WithClass(InstrClass.Unpredictable, r);
        }
        return insn;
    }
}
