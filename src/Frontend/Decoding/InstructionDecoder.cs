namespace Translator.Frontend.Decoding;

/// <summary>
/// Decodes words against one instruction set's table for a given feature set. Built once from the
/// table; decoding allocates nothing, and an encoding's rules run only for the words that match it.
/// </summary>
public sealed class InstructionDecoder
{
    private readonly DecodeTree _tree;
    private readonly byte _size;

    public IReadOnlyList<Encoding> Encodings { get; }

    /// <param name="encodings">The table; each pattern's top four bits are either <c>cccc</c> or fixed.</param>
    /// <param name="splitOnCondition">A32: words with condition 0b1111 use only the patterns that fix it.</param>
    public InstructionDecoder(IReadOnlyList<Encoding> encodings, Feature features, bool splitOnCondition, byte size = 4)
    {
        Encodings = encodings;
        _size = size;
        uint noEncodingCondMask = splitOnCondition ? 0xF000_0000 : 0;
        var noCondition = splitOnCondition ? Condition.Unconditional : Condition.Always;
        _tree = new DecodeTree(encodings, splitOnCondition, e => new Candidate(e, features, noEncodingCondMask, noCondition));
    }

    public Instruction Decode(uint word)
    {
        ref readonly var c = ref _tree.Find(word);
        return Verdict(word, in c, (Condition)(Bits.Gather(word, c.CondMask) | c.CondDefault), _size);
    }

    /// <summary>
    /// Decodes a Thumb instruction at a position in an IT block: an encoding without a condition field
    /// takes <paramref name="itCond"/>, and the rules see the position (a branch must be last, ...).
    /// </summary>
    public Instruction DecodeInItBlock(uint word, Condition itCond, bool last)
    {
        ref readonly var c = ref _tree.Find(word);
        var cond = c.CondMask != 0 ? (Condition)Bits.Gather(word, c.CondMask) : itCond;
        return Verdict(word, in c, cond, (byte)(_size | Instruction.InItBit | (last ? Instruction.LastInItBit : 0)));
    }

    /// <summary>
    /// The verdict: compiled when the encoding has rules, else its UNDEFINED class (no encoding, a missing
    /// feature), its should-be bits, then its PC fields.
    /// </summary>
    private static Instruction Verdict(uint word, in Candidate c, Condition cond, byte info)
    {
        if (c.Rules is { } rules) return rules(word, cond, info);
        bool shouldBeBits = (word & c.ShouldBeMask) != c.ShouldBeValue;
        bool pc = c.PcOperand(word);
        var reason = shouldBeBits ? Reason.ShouldBeBits : pc ? Reason.PcOperand : c.Reason;
        return new Instruction(word, c.Encoding, cond, shouldBeBits | pc ? InstrClass.Unpredictable : c.Class, reason, info);
    }
}
