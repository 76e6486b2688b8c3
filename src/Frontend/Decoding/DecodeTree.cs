using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Translator.Frontend.Decoding;

/// <summary>
/// A decision tree over a decode table, built once and stored flat: each inner node gathers a few
/// word bits that best split the remaining encodings (the root takes more of them, so that most
/// words reach a leaf in one or two steps) and uses them to index its children; each leaf is a run
/// of the encodings still possible, most specific first, closed by a catch-all entry without an
/// encoding. A leaf is stored in groups of four entries whose fixed bits are compared with the word
/// at once, so that picking the first match costs no branch per entry (which entry matches varies
/// from word to word and would be mispredicted). Finding a word's encoding costs a few gathers and
/// loads and no allocation.
/// </summary>
internal sealed class DecodeTree
{
    private const int LeafSize = 3;
    private const int MaxBitsAtRoot = 12;
    private const int MaxBitsPerNode = 6;
    private const int MaxDepth = 8;
    private const int GroupSize = 4;

    private readonly record struct Node(uint Mask, int Base);

    private readonly Node[] _nodes;
    /// <summary>Children of every node: a node index when non-negative, else the complement of a leaf's first group.</summary>
    private readonly int[] _slots;
    /// <summary>Each group's four masks, then its four values.</summary>
    private readonly uint[] _fixedBits;
    /// <summary>Every leaf entry, <see cref="GroupSize"/> per group.</summary>
    private readonly Candidate[] _candidates;
    /// <summary>Where words with condition 0b1111 start (index 1) and all other words (index 0).</summary>
    private readonly int[] _roots;

    /// <param name="splitOnCondition">A32: words with condition 0b1111 use only the patterns that fix it (each pattern's top four bits are either <c>cccc</c> or fixed).</param>
    /// <param name="candidate">Makes the leaf entry of an encoding, or of the catch-all (null).</param>
    public DecodeTree(IReadOnlyList<Encoding> encodings, bool splitOnCondition, Func<Encoding?, Candidate> candidate)
    {
        int width = encodings.Count == 0 ? 32 : encodings[0].Pattern.Width;
        var sorted = SpecificityOrder(encodings);
        var builder = new Builder(width, sorted, candidate);
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
        _fixedBits = [.. builder.FixedBits];
        _candidates = [.. builder.Candidates];
    }

    /// <summary>The order in which a decoder tries the lines that match a word: preferred lines, then most fixed bits, then table order.</summary>
    public static Encoding[] SpecificityOrder(IEnumerable<Encoding> encodings) =>
        [.. encodings
            .OrderByDescending(e => e.Preferred)
            .ThenByDescending(e => BitOperations.PopCount(e.Pattern.Mask))
            .ThenBy(e => e.Index)];

    /// <summary>The first entry of the word's leaf that matches it and does not exclude it (the catch-all when none does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        ref uint fixedBits = ref MemoryMarshal.GetArrayDataReference(_fixedBits);
        ref Candidate candidates = ref MemoryMarshal.GetArrayDataReference(_candidates);
        var broadcast = Vector128.Create(word);
        for (int group = ~slot; ; group++)
        {
            ref uint g = ref Unsafe.Add(ref fixedBits, group * 2 * GroupSize);
            uint hits = Vector128.Equals(broadcast & Vector128.LoadUnsafe(ref g), Vector128.LoadUnsafe(ref g, GroupSize)).ExtractMostSignificantBits();
            for (; hits != 0; hits &= hits - 1)
            {
                ref Candidate c = ref Unsafe.Add(ref candidates, group * GroupSize + BitOperations.TrailingZeroCount(hits));
                if (c.Excludes is null || !c.Excludes(word)) return ref c;
            }
        }
    }

    private sealed class Builder(int width, Encoding[] sorted, Func<Encoding?, Candidate> candidate)
    {
        private readonly Dictionary<Encoding, int> _rank = sorted.Select((e, k) => (e, k)).ToDictionary(p => p.e, p => p.k);
        private readonly Dictionary<Encoding, Candidate> _made = [];
        private readonly Candidate _catchAll = candidate(null);
        public readonly List<Node> Nodes = [];
        public readonly List<int> Slots = [];
        public readonly List<uint> FixedBits = [];
        public readonly List<Candidate> Candidates = [];
        private readonly Dictionary<string, int> _leaves = [];

        public int Build(Encoding[] candidates, uint used, int depth)
        {
            if (candidates.Length <= LeafSize || depth >= MaxDepth) return Leaf(candidates, used);
            uint chosen = ChooseBits(candidates, used, depth == 0 ? MaxBitsAtRoot : MaxBitsPerNode);
            if (chosen == 0) return Leaf(candidates, used);

            var children = new int[1 << BitOperations.PopCount(chosen)];
            for (int index = 0; index < children.Length; index++)
            {
                uint wordBits = Scatter((uint)index, chosen);
                var subset = candidates
                    .Where(e => (e.Pattern.Value & e.Pattern.Mask & chosen) == (wordBits & e.Pattern.Mask))
                    .ToArray();
                children[index] = Build(subset, used | chosen, depth + 1);
            }
            Nodes.Add(new Node(chosen, Slots.Count));
            Slots.AddRange(children);
            return Nodes.Count - 1;
        }

        /// <summary>
        /// Scores each unused bit by how evenly it splits the candidates that care about it, penalised
        /// by the candidates that do not (they are copied into both halves), and keeps the best.
        /// </summary>
        private uint ChooseBits(Encoding[] candidates, uint used, int maxBits)
        {
            var scored = new List<(int Bit, int Score)>();
            for (int bit = 0; bit < width; bit++)
            {
                if ((used & (1u << bit)) != 0) continue;
                int n0 = 0, n1 = 0, nx = 0;
                foreach (var e in candidates)
                {
                    if ((e.Pattern.Mask & (1u << bit)) == 0) nx++;
                    else if ((e.Pattern.Value & (1u << bit)) == 0) n0++;
                    else n1++;
                }
                int score = Math.Min(n0, n1) * 2 - nx;
                if (Math.Min(n0, n1) > 0 && score > 0) scored.Add((bit, score));
            }
            uint chosen = 0;
            foreach (var (bit, _) in scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Bit).Take(maxBits))
                chosen |= 1u << bit;
            return chosen;
        }

        /// <summary>The inverse of <see cref="Bits.Gather"/>: spreads the low bits of <paramref name="index"/> over <paramref name="mask"/>.</summary>
        private static uint Scatter(uint index, uint mask)
        {
            uint result = 0;
            for (int k = 0; mask != 0; k++, mask &= mask - 1)
                if ((index & (1u << k)) != 0) result |= mask & ~(mask - 1);
            return result;
        }

        /// <summary>
        /// A leaf's entries followed by the catch-all, padded to whole groups; equal leaves are stored
        /// once. An entry whose fixed bits were all tested on the way here matches every word that
        /// arrives, so (unless it excludes some) nothing after it is stored.
        /// </summary>
        private int Leaf(Encoding[] candidates, uint used)
        {
            int reachable = Array.FindIndex(candidates, e => (e.Pattern.Mask & ~used) == 0 && e.Excludes is null) + 1;
            var entries = reachable > 0 ? candidates[..reachable] : candidates;
            string key = string.Join(',', entries.Select(e => _rank[e])) + (reachable > 0 ? "" : ",*");
            if (_leaves.TryGetValue(key, out int first)) return ~first;

            first = Candidates.Count / GroupSize;
            var stored = entries.Select(e => (e.Pattern.Mask, e.Pattern.Value, Candidate: Made(e))).ToList();
            if (reachable == 0) stored.Add((0, 0, _catchAll));
            // Padding repeats the last entry, which matches whatever reaches it, so it is never chosen.
            while (stored.Count % GroupSize != 0) stored.Add(stored[^1]);
            for (int k = 0; k < stored.Count; k += GroupSize)
            {
                var group = stored.GetRange(k, GroupSize);
                FixedBits.AddRange(group.Select(s => s.Mask));
                FixedBits.AddRange(group.Select(s => s.Value));
                Candidates.AddRange(group.Select(s => s.Candidate));
            }
            _leaves[key] = first;
            return ~first;
        }

        private Candidate Made(Encoding e)
        {
            if (!_made.TryGetValue(e, out var c)) _made[e] = c = candidate(e);
            return c;
        }
    }
}
