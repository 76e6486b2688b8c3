using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Translator.Frontend.Decoding;

/// <summary>
/// A decision tree over a decode table, built once and stored flat: each inner node gathers a few
/// word bits that best split the remaining encodings (the root takes more of them, so that most
/// words reach a leaf in one or two steps) and uses them to index its children; each leaf is a run
/// of the encodings still possible, most specific first, closed by a catch-all entry without an
/// encoding. Finding a word's encoding costs a few gathers and loads and no allocation.
/// </summary>
internal sealed class DecodeTree
{
    private const int LeafSize = 3;
    private const int MaxBitsAtRoot = 12;
    private const int MaxBitsPerNode = 6;
    private const int MaxDepth = 8;
    private const int FallbackBits = 4, FallbackCandidates = 8;

    /// <summary>A leaf entry: the pattern's fixed bits, and what the decoder needs once it matches.</summary>
    internal readonly struct Candidate(Encoding? encoding, uint noEncodingCondMask, Condition noCondition, int lanes, int itStride)
    {
        public readonly uint Mask = encoding?.Pattern.Mask ?? 0;
        public readonly uint Value = encoding?.Pattern.Value ?? 0;
        public readonly Func<uint, bool>? Excludes = encoding?.Excludes;
        public readonly Encoding? Encoding = encoding;
        /// <summary>The condition is the word gathered through this mask, or-ed with <see cref="CondDefault"/>.</summary>
        public readonly uint CondMask = encoding is null ? noEncodingCondMask : encoding.Pattern.FieldMask(Field.Cond);
        public readonly uint CondDefault = (encoding is null ? noEncodingCondMask : encoding.Pattern.FieldMask(Field.Cond)) != 0 ? 0 : (uint)noCondition;
        /// <summary>The index of the encoding's compiled rules (<see cref="LaneSet"/>) outside IT blocks; at an IT position p, <c>Lanes + p * ItStride</c>.</summary>
        public readonly int Lanes = lanes;
        /// <summary>0 when the rules do not depend on the IT position, else 1.</summary>
        public readonly int ItStride = itStride;
    }

    private readonly record struct Node(uint Mask, int Base);

    private readonly Node[] _nodes;
    /// <summary>Children of every node: a node index when non-negative, else the complement of a leaf's first candidate.</summary>
    private readonly int[] _slots;
    private readonly Candidate[] _candidates;
    private readonly LaneSet[] _lanes;
    // What the maybe lanes stand for, LaneSet.Width entries per set; kept apart so that sets hold no references.
    private readonly object?[] _resolvers;
    /// <summary>Where words with condition 0b1111 start (index 1) and all other words (index 0).</summary>
    private readonly int[] _roots;

    /// <param name="splitOnCondition">A32: words with condition 0b1111 use only the patterns that fix it (each pattern's top four bits are either <c>cccc</c> or fixed).</param>
    public DecodeTree(IReadOnlyList<Encoding> encodings, Feature features, bool splitOnCondition)
    {
        int width = encodings.Count == 0 ? 32 : encodings[0].Pattern.Width;
        // Most specific pattern first; table order breaks ties.
        var sorted = encodings
            .OrderByDescending(e => e.Preferred)
            .ThenByDescending(e => BitOperations.PopCount(e.Pattern.Mask))
            .ThenBy(e => e.Index)
            .ToArray();
        var builder = new Builder(width, features,
            splitOnCondition ? 0xF000_0000 : 0, splitOnCondition ? Condition.Unconditional : Condition.Always);
        if (splitOnCondition)
        {
            const uint top = 0xF000_0000;
            static bool Unconditional(Encoding e) => (e.Pattern.Mask & top) == top && (e.Pattern.Value & top) == top;
            _roots = [builder.Build([.. sorted.Where(e => !Unconditional(e))], 0, 0), builder.Build([.. sorted.Where(Unconditional)], 0, 0)];
        }
        else
        {
            int root = builder.Build(sorted, 0, 0);
            _roots = [root, root];
        }
        _nodes = [.. builder.Nodes];
        _slots = [.. builder.Slots];
        _candidates = [.. builder.Candidates];
        _lanes = [.. builder.Lanes];
        _resolvers = [.. builder.Resolvers];
    }

    /// <summary>The index of the compiled rules of a candidate's encoding, for an instruction at <paramref name="itPosition"/> (<see cref="Lane.ItPosition"/>).</summary>
    public static int LaneSetOf(in Candidate c, int itPosition) => c.Lanes + itPosition * c.ItStride;

    public ref readonly LaneSet Lanes(int set) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lanes), set);

    /// <summary>What maybe lane <paramref name="k"/> of set <paramref name="set"/> stands for (<see cref="Lane.Resolve"/>).</summary>
    public object? Resolver(int set, int k) => _resolvers[set * LaneSet.Width + k];

    /// <summary>The first candidate of the word's leaf that matches it (the catch-all when none does).</summary>
    public ref readonly Candidate Find(uint word)
    {
        ref Node nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref int slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        int slot = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_roots), word >= 0xF000_0000 ? 1 : 0);
        while (slot >= 0)
        {
            ref Node node = ref Unsafe.Add(ref nodes, slot);
            slot = Unsafe.Add(ref slots, node.Base + (int)Bits.Gather(word, node.Mask));
        }
        ref Candidate c = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_candidates), ~slot);
        while ((word & c.Mask) != c.Value || (c.Excludes is not null && c.Excludes(word)))
            c = ref Unsafe.Add(ref c, 1);
        return ref c;
    }

    public int CountNodes() => _nodes.Length;

    /// <summary>Leaves with the same encodings in the same order are one.</summary>
    private sealed class SameEncodings : IEqualityComparer<Encoding[]>
    {
        public static readonly SameEncodings Instance = new();

        public bool Equals(Encoding[]? a, Encoding[]? b) => a.AsSpan().SequenceEqual(b);

        public int GetHashCode(Encoding[] encodings)
        {
            var hash = new HashCode();
            foreach (var e in encodings) hash.Add(RuntimeHelpers.GetHashCode(e));
            return hash.ToHashCode();
        }
    }

    /// <summary>Lane lists (one per IT position, each closed by null) with equal lanes.</summary>
    private sealed class SameLanes : IEqualityComparer<Lane?[]>
    {
        public static readonly SameLanes Instance = new();

        public bool Equals(Lane?[]? a, Lane?[]? b) => a.AsSpan().SequenceEqual(b);

        public int GetHashCode(Lane?[] lanes)
        {
            var hash = new HashCode();
            foreach (var lane in lanes) hash.Add(lane);
            return hash.ToHashCode();
        }
    }

    private sealed class Builder(int width, Feature features, uint noEncodingCondMask, Condition noCondition)
    {
        public readonly List<Node> Nodes = [];
        public readonly List<int> Slots = [];
        public readonly List<Candidate> Candidates = [];
        // Set 0 is the catch-all's: no encoding, UNDEFINED.
        public readonly List<LaneSet> Lanes = [LaneSet.From(Lane.Of(null, features, Lane.ItPosition.Outside, out _))];
        public readonly List<object?> Resolvers = [.. new object?[LaneSet.Width]];
        // Encodings with the same lanes share one set, so that fewer sets compete for the cache.
        private readonly Dictionary<Lane?[], int> _sets = new(SameLanes.Instance);
        private readonly Dictionary<Encoding, (int Index, int Stride)> _laneIndex = [];
        private readonly Dictionary<Encoding[], int> _leaves = new(SameEncodings.Instance);

        public int Build(Encoding[] candidates, uint used, int depth)
        {
            if (candidates.Length <= LeafSize || depth >= MaxDepth) return Leaf(candidates);
            uint chosen = ChooseBits(candidates, used, depth == 0 ? MaxBitsAtRoot : MaxBitsPerNode);
            if (chosen == 0) return Leaf(candidates);

            var subsets = Split(candidates, chosen);
            var children = new int[subsets.Length];
            for (int index = 0; index < children.Length; index++)
                children[index] = Build([.. subsets[index]], used | chosen, depth + 1);
            Nodes.Add(new Node(chosen, Slots.Count));
            Slots.AddRange(children);
            return Nodes.Count - 1;
        }

        /// <summary>
        /// The candidates of each child (index bit k is the k-th lowest chosen bit), in order: each
        /// candidate goes to every child whose index agrees with the chosen bits it fixes.
        /// </summary>
        private static List<Encoding>[] Split(Encoding[] candidates, uint chosen)
        {
            var subsets = new List<Encoding>[1 << BitOperations.PopCount(chosen)];
            for (int index = 0; index < subsets.Length; index++) subsets[index] = [];
            foreach (var e in candidates)
            {
                uint care = Bits.Gather(e.Pattern.Mask, chosen), value = Bits.Gather(e.Pattern.Value, chosen) & care;
                uint free = (uint)(subsets.Length - 1) & ~care, sub = 0;
                // Every subset of the free bits, starting with none.
                do
                {
                    subsets[value | sub].Add(e);
                    sub = (sub - free) & free;
                } while (sub != 0);
            }
            return subsets;
        }

        /// <summary>
        /// Scores each unused bit by how evenly it splits the candidates that care about it, penalised
        /// by the candidates that do not (they are copied into both halves), and keeps the best.
        /// </summary>
        private uint ChooseBits(Encoding[] candidates, uint used, int maxBits)
        {
            Span<int> fixedBits = stackalloc int[32], ones = stackalloc int[32];
            foreach (var e in candidates)
            {
                uint mask = e.Pattern.Mask & ~used, value = e.Pattern.Value;
                for (; mask != 0; mask &= mask - 1)
                {
                    int bit = BitOperations.TrailingZeroCount(mask);
                    fixedBits[bit]++;
                    ones[bit] += (int)(value >> bit) & 1;
                }
            }
            var scored = new List<(int Bit, int Score)>();
            for (int bit = 0; bit < width; bit++)
            {
                if ((used & (1u << bit)) != 0) continue;
                int n1 = ones[bit], n0 = fixedBits[bit] - n1, nx = candidates.Length - fixedBits[bit];
                int score = Math.Min(n0, n1) * 2 - nx;
                if (Math.Min(n0, n1) > 0 && score > 0) scored.Add((bit, score));
            }
            // No bit splits evenly, and a long scan would be left (such as a run of lines that each fix a field
            // the others leave free): a few of the bits most lines fix keep those lines out of the children whose words they do not match.
            if (scored.Count == 0 && candidates.Length > FallbackCandidates)
            {
                for (int bit = 0; bit < width; bit++)
                    if ((used & (1u << bit)) == 0 && fixedBits[bit] > 0 && fixedBits[bit] < candidates.Length)
                        scored.Add((bit, fixedBits[bit]));
                maxBits = Math.Min(maxBits, FallbackBits);
            }
            uint chosen = 0;
            foreach (var (bit, _) in scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Bit).Take(maxBits))
                chosen |= 1u << bit;
            return chosen;
        }

        private void Add(List<Lane> lanes)
        {
            Lanes.Add(LaneSet.From(lanes));
            for (int k = 0; k < LaneSet.Width; k++) Resolvers.Add(k < lanes.Count ? lanes[k].Resolve : null);
        }

        /// <summary>Where the encoding's lane sets start, and whether there is one per IT position.</summary>
        private (int Index, int Stride) LanesOf(Encoding e)
        {
            if (!_laneIndex.TryGetValue(e, out var at))
            {
                var outside = Lane.Of(e, features, Lane.ItPosition.Outside, out bool dependsOnIt);
                List<Lane>[] positions = dependsOnIt
                    ? [outside, Lane.Of(e, features, Lane.ItPosition.Inside, out _), Lane.Of(e, features, Lane.ItPosition.Last, out _)]
                    : [outside];
                Lane?[] key = [.. positions.SelectMany(p => p.Append(null))];
                if (!_sets.TryGetValue(key, out int index))
                {
                    index = Lanes.Count;
                    foreach (var p in positions) Add(p);
                    _sets[key] = index;
                }
                at = (index, dependsOnIt ? 1 : 0);
                _laneIndex[e] = at;
            }
            return at;
        }

        /// <summary>A leaf's candidates followed by the catch-all; equal leaves are stored once.</summary>
        private int Leaf(Encoding[] candidates)
        {
            if (!_leaves.TryGetValue(candidates, out int start))
            {
                start = Candidates.Count;
                foreach (var e in candidates)
                {
                    var (index, stride) = LanesOf(e);
                    Candidates.Add(new Candidate(e, noEncodingCondMask, noCondition, index, stride));
                }
                Candidates.Add(new Candidate(null, noEncodingCondMask, noCondition, 0, 0));
                _leaves[candidates] = start;
            }
            return ~start;
        }
    }
}
