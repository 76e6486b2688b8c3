using System.Numerics;

namespace Translator.Frontend.Decoding;

/// <summary>
/// A decision tree over a decode table, built once: each inner node indexes its children by a few
/// word bits that best split the remaining encodings; each leaf holds the few encodings still
/// possible, most specific first. Finding a word's leaf costs a handful of shifts and loads.
/// </summary>
internal sealed class DecodeTree
{
    private const int LeafSize = 3;
    private const int MaxBitsPerNode = 6;

    private readonly Node _root;

    public DecodeTree(IReadOnlyList<Encoding> encodings, int width)
    {
        // Most specific pattern first; table order breaks ties.
        var sorted = encodings
            .OrderByDescending(e => e.Preferred)
            .ThenByDescending(e => BitOperations.PopCount(e.Pattern.Mask))
            .ThenBy(e => e.Index)
            .ToArray();
        _root = Build(sorted, 0, width, 0);
    }

    public Encoding? Find(uint word)
    {
        Node node = _root;
        while (node.Children is { } children)
        {
            int index = 0;
            foreach (var (shift, mask, dest) in node.Runs!)
                index |= (int)((word >> shift) & mask) << dest;
            node = children[index];
        }
        foreach (var e in node.Leaf!)
            if ((word & e.Pattern.Mask) == e.Pattern.Value && (e.Excludes is null || !e.Excludes(word)))
                return e;
        return null;
    }

    public int CountNodes() => Count(_root);

    private static int Count(Node n) => 1 + (n.Children?.Sum(Count) ?? 0);

    private sealed class Node
    {
        public (int Shift, uint Mask, int Dest)[]? Runs;
        public Node[]? Children;
        public Encoding[]? Leaf;
    }

    private static Node Build(Encoding[] candidates, uint used, int width, int depth)
    {
        if (candidates.Length <= LeafSize || depth > 8)
            return new Node { Leaf = candidates };

        // Score each unused bit by how evenly it splits the candidates that care about it,
        // penalised by the candidates that do not (they are copied into both halves).
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
        if (scored.Count == 0)
            return new Node { Leaf = candidates };

        var bits = scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Bit)
            .Take(MaxBitsPerNode).Select(s => s.Bit).OrderBy(b => b).ToArray();

        // Group the chosen bits into contiguous runs; the child index packs them low to high.
        var runs = new List<(int, uint, int)>();
        int dest = 0;
        for (int k = 0; k < bits.Length;)
        {
            int len = 1;
            while (k + len < bits.Length && bits[k + len] == bits[k] + len) len++;
            runs.Add((bits[k], (1u << len) - 1, dest));
            dest += len;
            k += len;
        }

        uint chosenMask = 0;
        foreach (int b in bits) chosenMask |= 1u << b;
        var children = new Node[1 << bits.Length];
        for (int index = 0; index < children.Length; index++)
        {
            uint wordBits = 0;
            for (int k = 0; k < bits.Length; k++)
                if ((index & (1 << k)) != 0) wordBits |= 1u << bits[k];
            var subset = candidates
                .Where(e => (e.Pattern.Value & e.Pattern.Mask & chosenMask) == (wordBits & e.Pattern.Mask))
                .ToArray();
            children[index] = Build(subset, used | chosenMask, width, depth + 1);
        }
        return new Node { Runs = [.. runs], Children = children };
    }
}
