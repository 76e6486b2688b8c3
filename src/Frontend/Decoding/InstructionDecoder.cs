namespace Translator.Frontend.Decoding;

/// <summary>
/// Decodes words against one instruction set's table for a given feature set. Built once from the
/// table; decoding allocates nothing.
/// </summary>
public sealed class InstructionDecoder
{
    private readonly DecodeTree _conditional;
    private readonly DecodeTree? _unconditional;
    private readonly Feature _features;
    private readonly byte _size;

    public IReadOnlyList<Encoding> Encodings { get; }

    /// <param name="encodings">The table; each pattern's top four bits are either <c>cccc</c> or fixed.</param>
    /// <param name="splitOnCondition">A32: words with condition 0b1111 use only the patterns that fix it.</param>
    public InstructionDecoder(IReadOnlyList<Encoding> encodings, Feature features, bool splitOnCondition, byte size = 4)
    {
        Encodings = encodings;
        _features = features;
        _size = size;
        int width = encodings.Count == 0 ? 32 : encodings[0].Pattern.Width;
        if (splitOnCondition)
        {
            const uint top = 0xF000_0000;
            _conditional = new DecodeTree(encodings.Where(e => (e.Pattern.Mask & top) != top || (e.Pattern.Value & top) != top).ToArray(), width);
            _unconditional = new DecodeTree(encodings.Where(e => (e.Pattern.Mask & top) == top && (e.Pattern.Value & top) == top).ToArray(), width);
        }
        else
        {
            _conditional = new DecodeTree(encodings, width);
        }
    }

    public Instruction Decode(uint word)
    {
        var tree = _unconditional is not null && (word >> 28) == 0xF ? _unconditional : _conditional;
        var encoding = tree.Find(word);
        if (encoding is null)
        {
            var none = new FieldValues();
            none[(int)Field.Cond] = _unconditional is not null ? word >> 28 : (uint)Condition.Always;
            return new Instruction(word, null, none, 0, InstrClass.Undefined, Reason.NoEncoding, false, _size);
        }
        return Complete(word, encoding);
    }

    private Instruction Complete(uint word, Encoding encoding)
    {
        var fields = new FieldValues();
        uint flags = 0;
        var pattern = encoding.Pattern;
        foreach (var run in pattern.Runs)
        {
            uint v = ((word >> run.SourceShift) & run.WidthMask) << run.DestShift;
            if (run.Slot < (int)Field.Count) fields[run.Slot] |= v;
            else flags |= v << (run.Slot - (int)Field.Count);
        }
        if (encoding.FixedList != 0) fields[(int)Field.RegList] |= encoding.FixedList;
        if (!pattern.HasCondition)
            fields[(int)Field.Cond] = (uint)(_unconditional is not null ? Condition.Unconditional : Condition.Always);

        var insn = new Instruction(word, encoding, fields, flags, InstrClass.Defined, Reason.None, false, _size);
        Classify(ref insn, encoding, word);
        insn.SetSensitive(SensitiveInstructions.IsSensitive(insn));
        return insn;
    }

    private void Classify(ref Instruction insn, Encoding encoding, uint word)
    {
        if ((encoding.Feature & ~_features) != 0)
        {
            insn.SetClass(InstrClass.Undefined, Reason.MissingFeature);
            return;
        }
        foreach (var rule in encoding.UndefinedRules)
        {
            var r = rule(insn);
            if (r != Reason.None) { insn.SetClass(InstrClass.Undefined, r); return; }
        }
        var p = encoding.Pattern;
        if ((word & p.ShouldBeMask) != p.ShouldBeValue)
        {
            insn.SetClass(InstrClass.Unpredictable, Reason.ShouldBeBits);
            return;
        }
        foreach (var rule in encoding.Unpredictable)
        {
            var r = rule(insn);
            if (r != Reason.None) { insn.SetClass(InstrClass.Unpredictable, r); return; }
        }
    }
}
