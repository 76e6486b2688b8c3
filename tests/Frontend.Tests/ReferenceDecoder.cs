using System.Numerics;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Tests;

/// <summary>
/// The decoder's definition, evaluated the slow and obvious way: the first line of the table, in
/// specificity order (preferred lines, then most fixed bits, then table order), that matches the
/// word and does not exclude it; then its class by calling its rules as delegates, in the order
/// the decoder promises (UNDEFINED rules, should-be bits, PC fields, other UNPREDICTABLE rules).
/// The decision tree and the PC fields checked as masks must agree with it on every word.
/// </summary>
internal sealed class ReferenceDecoder(IReadOnlyList<Encoding> encodings, Feature features, bool splitOnCondition, byte size)
{
    private readonly Encoding[] _ordered = [.. encodings
        .OrderByDescending(e => e.Preferred)
        .ThenByDescending(e => BitOperations.PopCount(e.Pattern.Mask))
        .ThenBy(e => e.Index)];

    public Instruction Decode(uint word) => Decode(word, null, size);

    public Instruction DecodeInItBlock(uint word, Condition itCond, bool last) =>
        Decode(word, itCond, (byte)(size | Instruction.InItBit | (last ? Instruction.LastInItBit : 0)));

    private Instruction Decode(uint word, Condition? itCond, byte info)
    {
        var encoding = _ordered.FirstOrDefault(e => InSpace(e, word) && e.Pattern.Matches(word) && e.Excludes?.Invoke(word) != true);
        // A32's catch-all takes the word's condition bits; an encoding without a condition field is unconditional (A32) or takes the IT block's.
        uint condMask = encoding?.Pattern.FieldMask(Field.Cond) ?? (splitOnCondition ? 0xF000_0000 : 0);
        // Inside an IT block every instruction takes the block's condition (a B<c>'s own field is only text).
        var cond = itCond ?? (condMask != 0 ? (Condition)Bits.GatherPortable(word, condMask)
            : splitOnCondition ? Condition.Unconditional : Condition.Always);
        if (encoding is null) return new Instruction(word, null, cond, InstrClass.Undefined, Reason.NoEncoding, info);
        if ((encoding.Feature & ~features) != 0) return new Instruction(word, encoding, cond, InstrClass.Undefined, Reason.MissingFeature, info);
        var insn = new Instruction(word, encoding, cond, InstrClass.Defined, Reason.None, info);
        foreach (var rule in encoding.UndefinedRules)
            if (rule(insn) is var r && r != Reason.None) return insn.WithClass(InstrClass.Undefined, r);
        if ((word & encoding.Pattern.ShouldBeMask) != encoding.Pattern.ShouldBeValue) return insn.WithClass(InstrClass.Unpredictable, Reason.ShouldBeBits);
        foreach (uint mask in encoding.PcMasks)
            if ((word & mask) == mask) return insn.WithClass(InstrClass.Unpredictable, Reason.PcOperand);
        foreach (var rule in encoding.OtherUnpredictable)
            if (rule(insn) is var r && r != Reason.None) return insn.WithClass(InstrClass.Unpredictable, r);
        return insn;
    }

    /// <summary>A32 words with condition 0b1111 are matched only against the lines that fix those bits, all others only against the rest.</summary>
    private bool InSpace(Encoding e, uint word)
    {
        if (!splitOnCondition) return true;
        const uint top = 0xF000_0000;
        bool unconditional = (e.Pattern.Mask & top) == top && (e.Pattern.Value & top) == top;
        return unconditional == word >= top;
    }
}
