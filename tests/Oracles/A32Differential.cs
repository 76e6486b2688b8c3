using Translator.Frontend.A32;
using Translator.Frontend.Decoding;

namespace Translator.Oracles;

/// <summary>
/// Compares Translator's A32 disassembly with objdump's, word by word, and tallies the result by
/// encoding family. Words come from the decode table itself (random fillings of every pattern) or
/// from a seeded random generator.
/// </summary>
public sealed class A32Differential : DisassemblyTally
{
    /// <summary>Random words for every encoding of the table (fixed bits kept, the rest random).</summary>
    public static List<uint> TableSamples(Random rng, int perEncoding, string? family = null)
    {
        var words = new List<uint>();
        foreach (var e in A32Table.All)
        {
            if (family is not null && e.Family != family) continue;
            for (int k = 0; k < perEncoding; k++)
            {
                uint w = ((uint)rng.Next() << 1 ^ (uint)rng.Next()) & ~e.Pattern.Mask | e.Pattern.Value;
                // Keep conditional patterns conditional: 0b1111 belongs to the unconditional space.
                if (e.Pattern.HasCondition && (w >> 28) == 0xF) w &= 0xEFFF_FFFF;
                words.Add(w);
            }
        }
        return words;
    }

    public static List<uint> RandomWords(Random rng, int count, uint mask = 0, uint value = 0)
    {
        var words = new List<uint>(count);
        for (int k = 0; k < count; k++)
            words.Add(((uint)rng.Next() << 1 ^ (uint)rng.Next()) & ~mask | (value & mask));
        return words;
    }

    public void Compare(IReadOnlyList<uint> words, int chunk = 100_000)
    {
        var dis = new A32Disassembler();
        for (int start = 0; start < words.Count; start += chunk)
        {
            var slice = words.Skip(start).Take(chunk).ToArray();
            var theirs = Objdump.DisassembleA32(slice);
            for (int k = 0; k < slice.Length; k++)
            {
                uint address = (uint)(k * 4);
                var insn = A32Table.CortexA15.Decode(slice[k]);
                string ours = dis.Format(insn, address);
                string family = insn.Encoding?.Family ?? "Undefined";
                Record(slice[k], family, insn.Encoding?.Name ?? "-", ours, theirs[k], KnownDisagreements.Find(slice[k]));
            }
        }
    }

    /// <summary>The Advanced SIMD spaces of A32, by the word's bits alone.</summary>
    public static bool IsAdvancedSimdSpace(uint word) =>
        (word & 0xFE00_0000) == 0xF200_0000 || (word & 0xFF10_0000) == 0xF400_0000;
}
