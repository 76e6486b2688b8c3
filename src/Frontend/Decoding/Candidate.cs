namespace Translator.Frontend.Decoding;

/// <summary>
/// What the decoder needs of one leaf entry of a <see cref="DecodeTree"/> once the entry matches:
/// the encoding (null for the catch-all), where the condition comes from, and the verdict as data
/// (should-be bits, up to four PC fields) or, for an encoding with other rules, compiled.
/// </summary>
internal readonly struct Candidate
{
    public readonly Encoding? Encoding;
    /// <summary>Words the pattern matches that are not this encoding (<see cref="Encoding.Excludes"/>).</summary>
    public readonly Func<uint, bool>? Excludes;
    /// <summary>The verdict of an encoding whose rules must run (its feature is present, and it has rules other than up to four PC checks).</summary>
    public readonly CompiledRules? Rules;
    /// <summary>The condition is the word gathered through this mask, or-ed with <see cref="CondDefault"/>.</summary>
    public readonly uint CondMask;
    public readonly uint CondDefault;
    /// <summary>Up to four register fields that make the word UNPREDICTABLE when they are PC (all their bits set); 0 when unused.</summary>
    public readonly uint PcMask0, PcMask1, PcMask2, PcMask3;
    /// <summary>Without rules: the class unless the should-be bits differ (they are not checked when the class is already UNDEFINED).</summary>
    public readonly uint ShouldBeMask, ShouldBeValue;
    public readonly InstrClass Class;
    public readonly Reason Reason;

    /// <param name="noEncodingCondMask">Where the catch-all's condition is (A32: the top four bits).</param>
    /// <param name="noCondition">The condition of an encoding without a condition field.</param>
    public Candidate(Encoding? encoding, Feature features, uint noEncodingCondMask, Condition noCondition)
    {
        Encoding = encoding;
        Excludes = encoding?.Excludes;
        CondMask = encoding is null ? noEncodingCondMask : encoding.Pattern.FieldMask(Field.Cond);
        CondDefault = CondMask != 0 ? 0 : (uint)noCondition;
        bool present = encoding is not null && (encoding.Feature & ~features) == 0;
        Class = present ? InstrClass.Defined : InstrClass.Undefined;
        Reason = encoding is null ? Reason.NoEncoding : present ? Reason.None : Reason.MissingFeature;
        if (!present) return;
        if (encoding!.UndefinedRules.Length + encoding.OtherUnpredictable.Length > 0 || encoding.PcMasks.Length > 4)
        {
            Rules = RuleCompiler.Compile(encoding);
            return;
        }
        ShouldBeMask = encoding.Pattern.ShouldBeMask;
        ShouldBeValue = encoding.Pattern.ShouldBeValue;
        var pc = encoding.PcMasks;
        PcMask0 = pc.Length > 0 ? pc[0] : 0;
        PcMask1 = pc.Length > 1 ? pc[1] : 0;
        PcMask2 = pc.Length > 2 ? pc[2] : 0;
        PcMask3 = pc.Length > 3 ? pc[3] : 0;
    }

    /// <summary>Whether a PC field is PC; evaluated without branches, since which lines have such rules varies from word to word.</summary>
    public bool PcOperand(uint word) =>
        ((PcMask0 != 0) & ((word & PcMask0) == PcMask0)) | ((PcMask1 != 0) & ((word & PcMask1) == PcMask1))
        | ((PcMask2 != 0) & ((word & PcMask2) == PcMask2)) | ((PcMask3 != 0) & ((word & PcMask3) == PcMask3));
}
