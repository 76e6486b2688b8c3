using Translator.Frontend.A32;
using Translator.Frontend.Decoding;

namespace Translator.Oracles;

/// <summary>One word on which Translator's text and objdump's differ.</summary>
public sealed record Disagreement(uint Word, string Family, string Encoding, string Ours, string Theirs);

/// <summary>Agreement of one class of words (an encoding family, or "Undefined").</summary>
public sealed class ClassTally
{
    public int Total;
    public int Agreed;
    public int UndefinedMismatch;
    public int Unexplained;
    public readonly List<Disagreement> Examples = [];
}

/// <summary>
/// Compares Translator's A32 disassembly with objdump's, word by word, and tallies the result by
/// encoding family. Words come from the decode table itself (random fillings of every pattern) or
/// from a seeded random generator.
/// </summary>
public sealed class A32Differential
{
    public SortedDictionary<string, ClassTally> Classes { get; } = new(StringComparer.Ordinal);
    public int Total { get; private set; }
    public int Agreed { get; private set; }
    public int UndefinedAgreed { get; private set; }
    public int ExamplesPerClass { get; init; } = 20;

    /// <summary>Collect examples only of words on which the UNDEFINED verdicts differ, in every space.</summary>
    public bool UndefinedExamplesOnly { get; init; }

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
                Record(slice[k], family, insn.Encoding?.Name ?? "-", ours, theirs[k]);
            }
        }
    }

    /// <summary>The Advanced SIMD spaces of A32, by the word's bits alone.</summary>
    public static bool IsAdvancedSimdSpace(uint word) =>
        (word & 0xFE00_0000) == 0xF200_0000 || (word & 0xFF10_0000) == 0xF400_0000;

    /// <summary>Per known-disagreement space: words, text agreement, UNDEFINED agreement.</summary>
    public SortedDictionary<string, (int Total, int Agreed, int UndefinedAgreed)> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>Words outside every known-disagreement space, and how many agree.</summary>
    public int TotalChecked { get; private set; }
    public int AgreedChecked { get; private set; }
    public int UndefinedAgreedChecked { get; private set; }

    private void Record(uint word, string family, string encoding, string ours, string theirs)
    {
        if (!Classes.TryGetValue(family, out var tally)) Classes[family] = tally = new ClassTally();
        tally.Total++;
        Total++;
        bool undefinedAgrees = ours.Contains("<UNDEFINED>", StringComparison.Ordinal) == theirs.Contains("<UNDEFINED>", StringComparison.Ordinal);
        bool textAgrees = Objdump.Normalize(ours) == Objdump.Normalize(theirs);
        if (undefinedAgrees) UndefinedAgreed++; else tally.UndefinedMismatch++;
        if (textAgrees) { tally.Agreed++; Agreed++; }
        if (UndefinedExamplesOnly)
        {
            if (!undefinedAgrees && tally.Examples.Count < ExamplesPerClass)
                tally.Examples.Add(new Disagreement(word, family, encoding, ours, theirs));
        }
        if (KnownDisagreements.Find(word) is { } known)
        {
            var (t, a, u) = Pending.GetValueOrDefault(known.Reason);
            Pending[known.Reason] = (t + 1, a + (textAgrees ? 1 : 0), u + (undefinedAgrees ? 1 : 0));
            return;
        }
        TotalChecked++;
        if (textAgrees) AgreedChecked++;
        if (undefinedAgrees) UndefinedAgreedChecked++;
        if (textAgrees) return;
        tally.Unexplained++;
        if (!UndefinedExamplesOnly && tally.Examples.Count < ExamplesPerClass)
            tally.Examples.Add(new Disagreement(word, family, encoding, ours, theirs));
    }

    /// <summary>Text agreement on the words outside the known-disagreement spaces.</summary>
    public double AgreementChecked => TotalChecked == 0 ? 1 : (double)AgreedChecked / TotalChecked;

    public double UndefinedAgreementChecked => TotalChecked == 0 ? 1 : (double)UndefinedAgreedChecked / TotalChecked;

    public string Report(bool examples = true)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"{"class",-22} {"words",9} {"agree",9} {"%",8} {"undef-mismatch",15}");
        foreach (var (name, t) in Classes)
            sb.AppendLine($"{name,-22} {t.Total,9} {t.Agreed,9} {100.0 * t.Agreed / Math.Max(1, t.Total),8:F3} {t.UndefinedMismatch,15}");
        sb.AppendLine($"{"all",-22} {Total,9} {Agreed,9} {100.0 * Agreed / Math.Max(1, Total),8:F3} {Total - UndefinedAgreed,15}");
        sb.AppendLine($"everywhere: text agreement {100.0 * Agreed / Math.Max(1, Total):F4}%, UNDEFINED agreement {100.0 * UndefinedAgreed / Math.Max(1, Total):F4}%");
        sb.AppendLine($"outside the known-disagreement spaces: {TotalChecked} words, text agreement {100 * AgreementChecked:F4}%, UNDEFINED agreement {100 * UndefinedAgreementChecked:F4}%");
        foreach (var (reason, (t, a, u)) in Pending)
            sb.AppendLine($"known disagreement, {t} words ({100.0 * a / t:F1}% text, {100.0 * u / t:F1}% UNDEFINED agree): {reason}");
        foreach (var (name, t) in Classes)
            if (t.Unexplained > 0)
                sb.AppendLine($"unexplained disagreement, {t.Unexplained} words of class {name}");
        if (examples)
            foreach (var (name, t) in Classes)
                foreach (var d in t.Examples)
                    sb.AppendLine($"  {name}: {d.Word:x8} [{d.Encoding}]\n      ours:    {Objdump.Normalize(d.Ours)}\n      objdump: {Objdump.Normalize(d.Theirs)}");
        return sb.ToString();
    }
}
