using Translator.Frontend.A32;
using Translator.Frontend.Decoding;

namespace Translator.Oracles;

/// <summary>How one encoding family fared against Capstone.</summary>
public sealed class OperandTally
{
    /// <summary>Words we decode in this family (not UNDEFINED, or UNDEFINED only for a feature the Cortex-A15 lacks).</summary>
    public int Decoded;
    public int CapstoneRejects;
    public int BothDecode;
    public int Agreed;
    public int Known;
    public int Unexplained;
    public readonly List<string> Examples = [];
}

/// <summary>
/// Compares the operands of Translator's decoded A32 records with Capstone 4's detail, word by word,
/// tallied by encoding family. Words Capstone rejects, and disagreements of a class listed in
/// <see cref="CapstoneDisagreements"/>, are counted apart; the agreement figure is over the rest.
/// </summary>
public sealed class A32OperandDifferential
{
    public SortedDictionary<string, OperandTally> Families { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> KnownClasses { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> RejectClasses { get; } = new(StringComparer.Ordinal);
    private SortedDictionary<string, List<uint>> RejectExamples { get; } = new(StringComparer.Ordinal);
    /// <summary>Families the comparison has no operand function for, with their word counts.</summary>
    public SortedDictionary<string, int> NotCompared { get; } = new(StringComparer.Ordinal);
    public int ExamplesPerFamily { get; init; } = 10;

    public int Checked { get; private set; }
    public int AgreedChecked { get; private set; }
    public double Agreement => Checked == 0 ? 1 : (double)AgreedChecked / Checked;

    public void Compare(IReadOnlyList<uint> words)
    {
        using var capstone = new Capstone();
        var decoder = A32Table.CortexA15;
        for (int k = 0; k < words.Count; k++)
        {
            uint word = words[k], address = (uint)(k * 4) & 0xFFFF;
            var insn = decoder.Decode(word);
            // Encodings of a later architecture (UNDEFINED on the A15 for that reason alone) are compared too: Capstone 4 knows some of them.
            if (insn.Encoding is null || insn.IsUndefined && insn.Reason != Reason.MissingFeature) continue;
            string family = insn.Encoding.Family;
            if (!A32OperandExtractors.ByFamily.TryGetValue(family, out var extract))
            {
                NotCompared[family] = NotCompared.GetValueOrDefault(family) + 1;
                continue;
            }
            if (!Families.TryGetValue(family, out var tally)) Families[family] = tally = new OperandTally();
            tally.Decoded++;
            var theirs = capstone.Disassemble(word, address);
            if (theirs is null)
            {
                tally.CapstoneRejects++;
                string reason = CapstoneDisagreements.Rejected(insn)?.Reason ?? $"unexplained: {insn.Encoding.Name}";
                RejectClasses[reason] = RejectClasses.GetValueOrDefault(reason) + 1;
                if (!RejectExamples.TryGetValue(reason, out var list)) RejectExamples[reason] = list = [];
                if (list.Count < 3) list.Add(word);
                continue;
            }
            tally.BothDecode++;
            var ours = extract(insn, address);
            var them = A32Operands.FromCapstone(theirs);
            string? difference = ours.FirstDifference(them);
            if (difference is null) { tally.Agreed++; Checked++; AgreedChecked++; continue; }
            if (CapstoneDisagreements.Find(insn, theirs, difference) is { } known)
            {
                tally.Known++;
                KnownClasses[known.Reason] = KnownClasses.GetValueOrDefault(known.Reason) + 1;
                continue;
            }
            Checked++;
            tally.Unexplained++;
            if (tally.Examples.Count < ExamplesPerFamily)
                tally.Examples.Add($"{word:x8} [{insn.Encoding.Name}] {difference}: capstone \"{theirs.Mnemonic} {theirs.Operands}\"\n" +
                    $"      ours:     {ours}\n      capstone: {them}");
        }
    }

    public string Report(bool examples = true)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"{"family",-20} {"decoded",8} {"cs-rejects",10} {"both",8} {"agree",8} {"%",8} {"known",7} {"unexpl",7}");
        foreach (var (name, t) in Families)
        {
            int compared = t.BothDecode - t.Known;
            sb.AppendLine($"{name,-20} {t.Decoded,8} {t.CapstoneRejects,10} {t.BothDecode,8} {t.Agreed,8} {100.0 * t.Agreed / Math.Max(1, compared),8:F3} {t.Known,7} {t.Unexplained,7}");
        }
        sb.AppendLine($"operand agreement on words both decode, outside the known classes: {AgreedChecked}/{Checked} = {100 * Agreement:F4}%");
        foreach (var (reason, n) in KnownClasses) sb.AppendLine($"known disagreement, {n} words: {reason}");
        foreach (var (reason, n) in RejectClasses)
            sb.AppendLine($"Capstone rejects, {n} words: {reason} (e.g. {string.Join(" ", RejectExamples[reason].Select(w => w.ToString("x8")))})");
        foreach (var (family, n) in NotCompared) sb.AppendLine($"not compared (no operand function yet), {n} words of family {family}");
        if (examples)
            foreach (var (name, t) in Families)
                foreach (var e in t.Examples) sb.AppendLine($"  {name}: {e}");
        return sb.ToString();
    }
}
