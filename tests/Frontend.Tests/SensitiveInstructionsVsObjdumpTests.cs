using System.Text.RegularExpressions;
using Translator.Frontend.A32;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The decoder's sensitive marking against objdump's reading of the same words: a word is
/// sensitive exactly when objdump names one of the instructions DESIGN.md lists (MRS/MSR, CPS,
/// SRS, RFE, ERET, LDM/STM with ^, SUBS/MOVS pc, the unprivileged T loads and stores, coprocessor
/// accesses to CP14/CP15, VMRS/VMSR, WFI/WFE, SVC/HVC/SMC).
/// </summary>
[Category("Oracle")]
public sealed partial class SensitiveInstructionsVsObjdumpTests
{
    private const string Conditions = "(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|hs|lo)?";

    [GeneratedRegex("^(mrs|msr|cps|cpsie|cpsid|srs(da|db|ia|ib)?|rfe(da|db|ia|ib)?|eret|svc|hvc|smc|wfi|wfe|vmrs|vmsr|setpan)" + Conditions + @"(\.w)?$")]
    private static partial Regex SystemMnemonic();

    [GeneratedRegex("^(ldr|str)(b|h|sb|sh)?t" + Conditions + "$")]
    private static partial Regex UnprivilegedMnemonic();

    [GeneratedRegex("^(mcr|mrc|mcrr|mrrc|ldc|stc)(2)?(l)?" + Conditions + "(l)?$")]
    private static partial Regex CoprocessorMnemonic();

    [GeneratedRegex("^(and|eor|sub|rsb|add|adc|sbc|rsc|orr|mov|bic|mvn|lsl|lsr|asr|ror|rrx)s" + Conditions + "$")]
    private static partial Regex FlagSettingDataProcessing();

    private static bool ObjdumpSaysSensitive(string text)
    {
        string t = Objdump.Normalize(text);
        if (t.Contains("<UNDEFINED>", StringComparison.Ordinal)) return false;
        string mnemonic = t.Split(' ')[0];
        string operands = t.Length > mnemonic.Length ? t[(mnemonic.Length + 1)..] : "";
        if (SystemMnemonic().IsMatch(mnemonic) || UnprivilegedMnemonic().IsMatch(mnemonic)) return true;
        if (CoprocessorMnemonic().IsMatch(mnemonic)) return operands.StartsWith("14,", StringComparison.Ordinal) || operands.StartsWith("15,", StringComparison.Ordinal);
        if ((mnemonic.StartsWith("ldm", StringComparison.Ordinal) || mnemonic.StartsWith("stm", StringComparison.Ordinal)
             || mnemonic.StartsWith("pop", StringComparison.Ordinal) || mnemonic.StartsWith("push", StringComparison.Ordinal))
            && operands.Contains("}^", StringComparison.Ordinal)) return true;
        return FlagSettingDataProcessing().IsMatch(mnemonic) && operands.StartsWith("pc,", StringComparison.Ordinal);
    }

    [Test]
    public void SensitiveMarkingMatchesObjdumpsMnemonics()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : 4242;
        var rng = new Random(seed);
        // Random words plus table fillings, so the rare sensitive encodings appear often enough.
        var words = A32Differential.RandomWords(rng, 100_000);
        words.AddRange(A32Differential.TableSamples(rng, 20));
        var texts = Objdump.DisassembleA32(words);
        var wrong = new List<string>();
        int sensitive = 0;
        for (int k = 0; k < words.Count; k++)
        {
            // Spaces the decoder does not cover yet are listed, with reasons, by the differential report.
            if (KnownDisagreements.Find(words[k]) is not null) continue;
            var insn = A32Table.CortexA15.Decode(words[k]);
            bool expected = ObjdumpSaysSensitive(texts[k]);
            if (expected) sensitive++;
            if (insn.Sensitive != expected && wrong.Count < 30)
                wrong.Add($"{words[k]:x8} ours={insn.Sensitive} ({insn.Op}) objdump: {Objdump.Normalize(texts[k])}");
        }
        TestContext.Out.WriteLine($"seed {seed}: {sensitive} sensitive words of {words.Count}");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(sensitive, Is.GreaterThan(500), "too few sensitive words to say anything");
    }
}
