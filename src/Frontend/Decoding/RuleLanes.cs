using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Translator.Frontend.Decoding;

/// <summary>
/// An encoding's verdict rules compiled to up to eight lanes, checked side by side without branches
/// or calls. Lane k fires when <c>(word &amp; Mask) == Value</c> and its field term holds, inverted
/// when the lane is negated; the first lane that fires gives the class and reason. The field term
/// compares two fields (<c>(word &gt;&gt; A) ^ (word &gt;&gt; C)</c> under a width mask is zero) or
/// tests a register's bit in the list (bit <c>(word &gt;&gt; B) &amp; 15</c> of <c>word &gt;&gt; A</c>); one lane
/// may also need fewer than a number of bits set under a mask (a register list too short).
/// A lane that only narrows a rule it cannot express exactly is marked <em>maybe</em>: when it is
/// the first to fire, the decoder evaluates what it stands for (<see cref="Lane.Resolve"/>) on the record.
/// </summary>
internal struct LaneSet
{
    public const int Width = 8;

    private Vector256<uint> _mask, _value, _fieldMask, _expected;
    // Shift counts A, B and C in bytes 0, 1 and 2; a count of 32 reads as zero.
    private Vector256<uint> _shifts;
    private uint _negated;
    // The lane (as a bit) that also needs PopCount(word & _countMask) < _countBelow; 0 when none does.
    private uint _countLane, _countMask, _countBelow;
    /// <summary>Lanes that only narrow a rule; bit k set when lane k is one.</summary>
    public uint Maybe { get; private set; }
    private Verdicts _verdicts;

    [InlineArray(Width + 1)]
    private struct Verdicts { private ushort _first; }


    /// <summary>Bit k set when lane k fires.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint Fired(uint word)
    {
        if (!Avx2.IsSupported) return FiredPortable(word);
        var w = Vector256.Create(word);
        var bits = Vector256.Equals(w & _mask, _value);
        var a = Avx2.ShiftRightLogicalVariable(w, _shifts & Vector256.Create(0xFFu));
        var b = Avx2.ShiftRightLogicalVariable(w, (_shifts >> 8) & Vector256.Create(0xFFu)) & Vector256.Create(15u);
        var c = Avx2.ShiftRightLogicalVariable(w, _shifts >> 16);
        var term = Vector256.Equals((Avx2.ShiftRightLogicalVariable(a, b) ^ c) & _fieldMask, _expected);
        uint fired = (bits & term).ExtractMostSignificantBits();
        // Few encodings count, so the branch is predicted well and the others pay nothing.
        if (_countLane != 0) fired &= ~CountFails(word);
        return fired ^ _negated;
    }

    private readonly uint FiredPortable(uint word)
    {
        static uint Shift(uint x, uint n) => n >= 32 ? 0 : x >> (int)n;
        uint fired = 0;
        for (int k = 0; k < Width; k++)
        {
            uint shifts = _shifts[k];
            uint a = Shift(word, shifts & 0xFF), b = Shift(word, (shifts >> 8) & 0xFF) & 15, c = Shift(word, shifts >> 16);
            bool holds = (word & _mask[k]) == _value[k] && ((Shift(a, b) ^ c) & _fieldMask[k]) == _expected[k];
            if (holds) fired |= 1u << k;
        }
        return (fired & ~CountFails(word)) ^ _negated;
    }

    /// <summary>The counting lane's bit when its count does not hold.</summary>
    private readonly uint CountFails(uint word) => BitOperations.PopCount(word & _countMask) >= _countBelow ? _countLane : 0;

    /// <summary>The verdict of lane <paramref name="k"/>; lane <see cref="Width"/> is the verdict when none fires.</summary>
    public readonly (InstrClass Class, Reason Reason) Verdict(int k) => ((InstrClass)(_verdicts[k] >> 8), (Reason)(byte)_verdicts[k]);

    public static LaneSet From(IReadOnlyList<Lane> lanes)
    {
        if (lanes.Count > Width) throw new ArgumentException("too many lanes");
        Span<uint> mask = stackalloc uint[Width], value = stackalloc uint[Width], fieldMask = stackalloc uint[Width],
            expected = stackalloc uint[Width], shifts = stackalloc uint[Width];
        var set = new LaneSet();
        for (int k = 0; k < Width; k++)
        {
            var lane = k < lanes.Count ? lanes[k] : Lane.Never;
            mask[k] = lane.Mask; value[k] = lane.Value; fieldMask[k] = lane.FieldMask; expected[k] = lane.Expected;
            shifts[k] = lane.A | lane.B << 8 | lane.C << 16;
            if (lane.Negated) set._negated |= 1u << k;
            if (lane.Maybe) set.Maybe |= 1u << k;
            if (lane.CountMask != 0)
            {
                if (set._countLane != 0) throw new ArgumentException("only one lane may count bits");
                (set._countLane, set._countMask, set._countBelow) = (1u << k, lane.CountMask, lane.CountBelow);
            }
            set._verdicts[k] = (ushort)((int)lane.Class << 8 | (int)lane.Reason);
        }
        set._verdicts[Width] = (ushort)((int)InstrClass.Defined << 8 | (int)Reason.None);
        set._mask = Vector256.Create<uint>(mask); set._value = Vector256.Create<uint>(value);
        set._fieldMask = Vector256.Create<uint>(fieldMask); set._expected = Vector256.Create<uint>(expected);
        set._shifts = Vector256.Create<uint>(shifts);
        return set;
    }
}

/// <summary>
/// One compiled test (see <see cref="LaneSet"/>) and the verdict it gives; a maybe lane also says what
/// it stands for: a <see cref="WordTest.Clause"/> to evaluate, a <see cref="Rule"/> to call, or (null) all the encoding's rules.
/// </summary>
internal sealed record Lane(uint Mask, uint Value, uint A, uint B, uint C, uint FieldMask, uint Expected, bool Negated, bool Maybe,
    InstrClass Class = InstrClass.Undefined, Reason Reason = Reason.None, uint CountMask = 0, uint CountBelow = 0, object? Resolve = null)
{
    private const uint Zero = 32;

    /// <summary>Fires for every word.</summary>
    public static readonly Lane Always = new(0, 0, Zero, Zero, Zero, 0, 0, false, false);
    public static readonly Lane Never = new(0, 1, Zero, Zero, Zero, 0, 0, false, false);

    /// <summary>
    /// The lanes of an encoding: its UNDEFINED rules, its should-be bits, its PC fields, its other
    /// UNPREDICTABLE rules; for an instruction at <paramref name="itPosition"/> (<see cref="ItPosition"/>).
    /// </summary>
    /// <param name="dependsOnIt">Whether a test reads the IT position, so that other positions have other lanes.</param>
    public static List<Lane> Of(Encoding? e, Feature features, int itPosition, out bool dependsOnIt)
    {
        dependsOnIt = false;
        if (e is null) return [Always with { Class = InstrClass.Undefined, Reason = Reason.NoEncoding }];
        if ((e.Feature & ~features) != 0) return [Always with { Class = InstrClass.Undefined, Reason = Reason.MissingFeature }];
        var lanes = new List<Lane>();
        foreach (var rule in e.UndefinedRules) dependsOnIt |= AddRule(lanes, e, rule, InstrClass.Undefined, itPosition);
        var p = e.Pattern;
        if (p.ShouldBeMask != 0)
            lanes.Add(new Lane(p.ShouldBeMask, p.ShouldBeValue, Zero, Zero, Zero, 0, 0, true, false, InstrClass.Unpredictable, Reason.ShouldBeBits));
        foreach (uint m in e.PcMasks)
            lanes.Add(new Lane(m, m, Zero, Zero, Zero, 0, 0, false, false, InstrClass.Unpredictable, Reason.PcOperand));
        foreach (var rule in e.OtherUnpredictable) dependsOnIt |= AddRule(lanes, e, rule, InstrClass.Unpredictable, itPosition);
        // An exact lane that always fires makes the ones after it dead; past the width, a maybe lane stands for all the rules.
        int always = lanes.FindIndex(l => l.Mask == 0 && l.Value == 0 && l.FieldMask == 0 && l.CountMask == 0 && !l.Negated && !l.Maybe);
        if (always >= 0) lanes.RemoveRange(always + 1, lanes.Count - always - 1);
        if (lanes.Count > LaneSet.Width)
        {
            lanes.RemoveRange(LaneSet.Width - 1, lanes.Count - LaneSet.Width + 1);
            lanes.Add(Always with { Maybe = true });
        }
        // One lane may count: the others stand for all the rules.
        bool counting = false;
        for (int k = 0; k < lanes.Count; k++)
        {
            if (lanes[k].CountMask == 0) continue;
            if (!counting) counting = true;
            else lanes[k] = Always with { Maybe = true };
        }
        return lanes;
    }

    /// <summary>Where an instruction is with respect to IT blocks: each position has its own lanes.</summary>
    public static class ItPosition
    {
        public const int Outside = 0, Inside = 1, Last = 2;
    }

    /// <returns>Whether a test of the rule reads the IT position.</returns>
    private static bool AddRule(List<Lane> lanes, Encoding e, Rule rule, InstrClass cls, int itPosition)
    {
        IEnumerable<(WordTest Test, Reason Reason)> steps = rule.Target switch
        {
            ConditionalRule c => c.Steps,
            PcFields p => p.Fields.Select(f => (WordTest.Field(f, 15), Reason.PcOperand)),
            _ => [],
        };
        if (rule.Target is not (ConditionalRule or PcFields))
        {
            lanes.Add(Always with { Maybe = true, Class = cls, Resolve = rule });
            return false;
        }
        bool dependsOnIt = false;
        foreach (var (test, reason) in steps)
            foreach (var clause in test.Clauses)
            {
                dependsOnIt |= clause.Atoms.Any(a => a.Kind == WordTest.AtomKind.ItState);
                if (Compile(e, clause, itPosition) is { } lane)
                    lanes.Add(lane with { Class = cls, Reason = reason, Resolve = lane.Maybe ? clause : null });
            }
        return dependsOnIt;
    }

    /// <summary>A clause as a lane of encoding <paramref name="e"/>; null when it never holds.</summary>
    internal static Lane? Compile(Encoding e, WordTest.Clause clause, int itPosition)
    {
        var b = new Builder(e, itPosition);
        foreach (var atom in clause.Atoms) b.Add(atom);
        if (clause.Negated)
        {
            // The negation of a clause that never holds always does; that of an approximation is no approximation.
            if (b.Impossible) return Always;
            if (b.Approximate) return Always with { Maybe = true };
        }
        else if (b.Impossible) return null;
        return new Lane(b.Mask, b.Value, b.A, b.B, b.C, b.FieldMask, b.Expected, clause.Negated, b.Approximate,
            CountMask: b.CountMask, CountBelow: b.CountBelow);
    }

    private sealed class Builder(Encoding e, int itPosition)
    {
        public uint Mask, Value, A = Zero, B = Zero, C = Zero, FieldMask, Expected, CountMask, CountBelow;
        public bool Impossible, Approximate;
        private bool _termUsed;

        public void Add(WordTest.Atom atom)
        {
            switch (atom.Kind)
            {
                case WordTest.AtomKind.FieldIs: FieldIs(atom.Field, atom.Mask, atom.Value); break;
                case WordTest.AtomKind.Flag: Flag(atom.Letter, atom.Value != 0); break;
                case WordTest.AtomKind.Bits: Bits(atom.Mask, atom.Value); break;
                case WordTest.AtomKind.Same: Same(atom.Field, atom.Other); break;
                case WordTest.AtomKind.InList: InList((int)atom.Value); break;
                case WordTest.AtomKind.FewerBits: FewerBits(atom.Field, atom.Value); break;
                case WordTest.AtomKind.ItState:
                    bool holds = atom.Mask == WordTest.ItInside ? itPosition != ItPosition.Outside : itPosition == ItPosition.Last;
                    Impossible |= holds != (atom.Value != 0);
                    break;
                default: Approximate = true; break;
            }
        }

        private void Bits(uint mask, uint value)
        {
            if ((value & ~mask) != 0 || ((Mask & mask) & (Value ^ value)) != 0) Impossible = true;
            Mask |= mask; Value |= value & mask;
        }

        private void FieldIs(Field f, uint bits, uint value)
        {
            var (mask, fixedValue, shift) = e.Layout(f);
            int width = BitOperations.PopCount(mask);
            // The word decides the bits the encoding does not imply (WithField); the implied ones read as set.
            uint decided = bits & ~fixedValue;
            // The condition can be the IT block's; an immediate in units has no word bits for its low bits.
            if (f == Field.Cond || (shift != 0 && mask != 0)) Approximate = true;
            else if ((value & ~bits) != 0 || (fixedValue & bits & ~value) != 0) Impossible = true;
            else if (width < 32 && (value & decided) >> width != 0) Impossible = true;
            else Bits(Decoding.Bits.Scatter(decided, mask), Decoding.Bits.Scatter(value & decided, mask));
        }

        private void Flag(char letter, bool set)
        {
            uint mask = e.Pattern.FlagMask(letter);
            if ((e.ImpliedFlags & 1u << (letter - 'A')) != 0) Impossible |= !set;
            else if (mask == 0) Impossible |= set;
            else if (!set) Bits(mask, 0);
            else if (BitOperations.PopCount(mask) == 1) Bits(mask, mask);
            else Approximate = true;
        }

        private void Same(Field a, Field b)
        {
            var (ma, fa, sa) = e.Layout(a);
            var (mb, fb, sb) = e.Layout(b);
            if (ma == 0 && fb == 0 && sb == 0) FieldIs(b, uint.MaxValue, fa);
            else if (mb == 0 && fa == 0 && sa == 0) FieldIs(a, uint.MaxValue, fb);
            else if (fa != 0 || fb != 0 || sa != 0 || sb != 0 || _termUsed || !Contiguous(ma) || !Contiguous(mb)
                || BitOperations.PopCount(ma) != BitOperations.PopCount(mb)) Approximate = true;
            else
            {
                _termUsed = true;
                A = (uint)BitOperations.TrailingZeroCount(ma); C = (uint)BitOperations.TrailingZeroCount(mb);
                FieldMask = (1u << BitOperations.PopCount(ma)) - 1; Expected = 0;
            }
        }

        private void InList(int lsb)
        {
            var (mask, fixedValue, _) = e.Layout(Field.RegList);
            if (mask == 0 && BitOperations.PopCount(fixedValue) == 1) Bits(0xFu << lsb, (uint)BitOperations.TrailingZeroCount(fixedValue) << lsb);
            else if (mask == 0 && fixedValue == 0) Impossible = true;
            else if (fixedValue != 0 || _termUsed || !Contiguous(mask) || BitOperations.PopCount(mask) != 16) Approximate = true;
            else
            {
                _termUsed = true;
                A = (uint)BitOperations.TrailingZeroCount(mask); B = (uint)lsb; FieldMask = 1; Expected = 1;
            }
        }

        private void FewerBits(Field f, uint count)
        {
            var (mask, fixedValue, shift) = e.Layout(f);
            if (mask == 0) Impossible |= BitOperations.PopCount(fixedValue) >= count;
            else if (fixedValue != 0 || shift != 0 || CountMask != 0) Approximate = true;
            else (CountMask, CountBelow) = (mask, count);
        }

        private static bool Contiguous(uint mask) => mask != 0 && ((mask >> BitOperations.TrailingZeroCount(mask)) & ((mask >> BitOperations.TrailingZeroCount(mask)) + 1)) == 0;

    }
}
