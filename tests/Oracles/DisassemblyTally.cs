namespace Translator.Oracles;

/// <summary>One instruction on which Translator's text and objdump's differ.</summary>
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
/// Tallies Translator's disassembly against objdump's, instruction by instruction, by encoding
/// family, with the known-disagreement spaces counted apart; the A32 and Thumb differentials feed it.
/// </summary>
public class DisassemblyTally
{
    public SortedDictionary<string, ClassTally> Classes { get; } = new(StringComparer.Ordinal);
    public int Total { get; private set; }
    public int Agreed { get; private set; }
    public int UndefinedAgreed { get; private set; }
    public int ExamplesPerClass { get; init; } = 20;

    /// <summary>Collect examples only of words on which the UNDEFINED verdicts differ, in every space.</summary>
    public bool UndefinedExamplesOnly { get; init; }

    /// <summary>Per known-disagreement space: words, text agreement, UNDEFINED agreement.</summary>
    public SortedDictionary<string, (int Total, int Agreed, int UndefinedAgreed)> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>Words outside every known-disagreement space, and how many agree.</summary>
    public int TotalChecked { get; private set; }
    public int AgreedChecked { get; private set; }
    public int UndefinedAgreedChecked { get; private set; }

    protected void Record(uint word, string family, string encoding, string ours, string theirs, KnownDisagreements.Entry? known)
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
        if (known is not null)
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
