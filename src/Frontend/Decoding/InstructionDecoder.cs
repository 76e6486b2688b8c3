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
        _tree = new DecodeTree(encodings, features, splitOnCondition);
    }

    public Instruction Decode(uint word)
    {
        ref readonly var c = ref _tree.Find(word);
        var cond = (Condition)(Bits.Gather(word, c.CondMask) | c.CondDefault);
        if (c.HasRules) return Classify(word, cond, c.Encoding!);
        bool shouldBeBits = (word & c.ShouldBeMask) != c.ShouldBeValue;
        bool pc = c.PcOperand(word);
        var reason = shouldBeBits ? Reason.ShouldBeBits : pc ? Reason.PcOperand : c.Reason;
        return new Instruction(word, c.Encoding, cond, shouldBeBits | pc ? InstrClass.Unpredictable : c.Class, reason, _size);
    }

    /// <summary>The verdict of an encoding with rules: its UNDEFINED rules, its should-be bits, then its UNPREDICTABLE rules.</summary>
    private Instruction Classify(uint word, Condition cond, Encoding encoding)
    {
        var insn = new Instruction(word, encoding, cond, InstrClass.Defined, Reason.None, _size);
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
