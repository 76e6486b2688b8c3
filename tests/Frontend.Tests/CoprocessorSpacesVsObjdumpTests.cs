using System.Text.RegularExpressions;
using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The coprocessor spaces where GNU objdump prints something other than the generic
/// LDC/STC/CDP/MCR/MRC/MCRR/MRRC text: FPA (coprocessors 1, 2), Maverick (4-6), the XScale DSP
/// accumulator (0), the ARMv8.x SIMD extensions in the unconditional space of coprocessors 8, 12
/// and 13, and the Armv8.1-M system-register VLDR/VSTR among the LDC/STC words to coprocessor 15.
/// Each space is filled with random words (the campaign's --mask/--value) and compared with objdump.
/// </summary>
[Category("Oracle")]
public sealed partial class CoprocessorSpacesVsObjdumpTests : ObjdumpTests
{
    private const int WordsPerSpace = 10_000;

    private static readonly (uint Mask, uint Value, string Space)[] Spaces =
    [
        (0x0E00_0F00, 0x0C00_0100, "LDC/STC/MCRR/MRRC to coprocessor 1 (FPA LDF/STF)"),
        (0x0F00_0F00, 0x0E00_0100, "CDP/MCR/MRC to coprocessor 1 (FPA arithmetic, FLT, FIX, CMF, ...)"),
        (0x0E00_0F00, 0x0C00_0200, "LDC/STC/MCRR/MRRC to coprocessor 2 (FPA LFM/SFM)"),
        (0x0E00_0E00, 0x0C00_0400, "LDC/STC/MCRR/MRRC to coprocessors 4 and 5 (Maverick CFLDR/CFSTR)"),
        (0x0F00_0E00, 0x0E00_0400, "CDP/MCR/MRC to coprocessors 4 and 5 (Maverick)"),
        (0x0F00_0F00, 0x0E00_0600, "CDP/MCR/MRC to coprocessor 6 (Maverick multiply-accumulate)"),
        (0x0E00_0F00, 0x0C00_0000, "LDC/STC/MCRR/MRRC to coprocessor 0 (XScale MAR/MRA)"),
        (0x0F00_0F00, 0x0E00_0000, "CDP/MCR/MRC to coprocessor 0 (XScale MIA)"),
        (0xFE00_0F00, 0xFC00_0800, "unconditional LDC2/STC2 space of coprocessor 8 (VCADD, VCMLA, VFMAL, BF16 VFMA)"),
        (0xFF00_0F00, 0xFE00_0800, "unconditional CDP2/MCR2 space of coprocessor 8 (VCMLA, VFMAL by element)"),
        (0xFE00_0E00, 0xFC00_0C00, "unconditional LDC2/STC2 space of coprocessors 12 and 13 (matrix multiplies, dot products)"),
        (0xFF00_0E00, 0xFE00_0C00, "unconditional CDP2/MCR2 space of coprocessors 12 and 13 (dot products by element)"),
        (0x0E00_0F00, 0x0C00_0F00, "LDC/STC/MCRR/MRRC to coprocessor 15 (Armv8.1-M VLDR/VSTR of system registers)"),
    ];

    private static IEnumerable<TestCaseData> SpaceCases() =>
        Spaces.Select((s, k) => new TestCaseData(s.Mask, s.Value, 1000 + k).SetName($"Agrees: {s.Space}"));

    [TestCaseSource(nameof(SpaceCases))]
    public void SpaceAgrees(uint mask, uint value, int fallbackSeed)
    {
        int seed = Seed(fallbackSeed);
        var diff = new A32Differential();
        diff.Compare(A32Differential.RandomWords(new Random(seed), WordsPerSpace, mask, value));
        TestContext.Out.WriteLine($"seed {seed}");
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.Pending, Is.Empty, "no word of these spaces is a known disagreement any more");
            Assert.That(diff.UndefinedAgreed, Is.EqualTo(diff.Total), "UNDEFINED agreement");
            Assert.That(diff.Agreed, Is.EqualTo(diff.Total), "text agreement");
        });
    }

    [Test]
    public void EveryLineOfTheFamiliesAgrees()
    {
        int seed = Seed(20261124);
        var rng = new Random(seed);
        var words = A32Differential.TableSamples(rng, 50, "LegacyCoprocessor");
        words.AddRange(A32Differential.TableSamples(rng, 50, "CoprocessorSpaceV8"));
        var diff = new A32Differential();
        diff.Compare(words);
        TestContext.Out.WriteLine($"seed {seed}");
        TestContext.Out.Write(diff.Report());
        Assert.That(diff.Agreed, Is.EqualTo(diff.Total), "text agreement");
    }

    [GeneratedRegex("^(cdp|mcr|mrc|mcrr|mrrc|ldc|stc)2?l?(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)?l?$")]
    private static partial Regex GenericMnemonic();

    /// <summary>
    /// Where objdump names a word after a coprocessor the Cortex-A15 lacks, or after a later
    /// architecture, the decoder finds an UNDEFINED instruction; a legacy word is still the generic
    /// coprocessor instruction, with the coprocessor number of its bits 8-11.
    /// </summary>
    [Test]
    public void WordsGnuNamesSpeciallyAreUndefinedGenericInstructionsOnTheA15()
    {
        int seed = Seed(4711);
        var rng = new Random(seed);
        var words = Spaces.SelectMany(s => A32Differential.RandomWords(rng, 2_000, s.Mask, s.Value)).ToList();
        var texts = Objdump.DisassembleA32(words);
        var wrong = new List<string>();
        int special = 0;
        for (int k = 0; k < words.Count; k++)
        {
            string mnemonic = Objdump.Normalize(texts[k]).Split(' ')[0];
            if (mnemonic == "@" || GenericMnemonic().IsMatch(mnemonic)) continue;
            special++;
            var insn = A32Table.CortexA15.Decode(words[k]);
            bool generic = insn.Op is Op.Cdp or Op.Mcr or Op.Mrc or Op.Mcrr or Op.Mrrc or Op.Ldc or Op.Stc;
            bool fields = insn.Encoding?.Family switch
            {
                "LegacyCoprocessor" => generic && insn.Coproc == (int)((words[k] >> 8) & 0xF),
                "CoprocessorSpaceV8" => !generic,
                _ => false,
            };
            bool ok = fields && insn.IsUndefined && !insn.Sensitive;
            if (!ok && wrong.Count < 30)
                wrong.Add($"{words[k]:x8} {insn.Encoding?.Family} {insn.Op} cp{insn.Coproc} {insn.Class} objdump: {Objdump.Normalize(texts[k])}");
        }
        TestContext.Out.WriteLine($"seed {seed}: {special} specially named words of {words.Count}");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(special, Is.GreaterThan(words.Count / 4), "too few specially named words to say anything");
    }
}
