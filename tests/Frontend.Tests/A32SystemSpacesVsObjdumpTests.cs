using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The unconditional space outside Advanced SIMD and the coprocessors (CPS, SETEND, SETPAN, memory
/// hints, barriers, SRS, RFE) and the miscellaneous space (MSR, hints, CRC32, HLT, the MSR words among the
/// extra loads and stores) against GNU objdump: random words with some bits fixed, so that the rare
/// encodings come up thousands of times. Every word outside the known-disagreement spaces must agree.
/// </summary>
[Category("Oracle")]
public sealed class A32SystemSpacesVsObjdumpTests : ObjdumpTests
{
    private const int WordsPerSpace = 20_000;

    [TestCase(0xFE00_0000u, 0xF000_0000u, TestName = "Unconditional 000: CPS, SETEND, SETPAN")]
    [TestCase(0xFFF0_FC00u, 0xF100_0000u, TestName = "CPS and SETEND with their should-be bits clear")]
    [TestCase(0xFFF1_FE20u, 0xF100_0000u, TestName = "CPS, every imod, M, A, I, F and mode")]
    [TestCase(0xFFFF_FC00u, 0xF110_0000u, TestName = "SETPAN and its neighbours")]
    [TestCase(0xFE10_0000u, 0xF410_0000u, TestName = "Unconditional 010: immediate memory hints and barriers")]
    [TestCase(0xFE70_F000u, 0xF450_F000u, TestName = "PLI and PLD (immediate, literal)")]
    [TestCase(0xFE70_F000u, 0xF410_F000u, TestName = "PLDW (immediate) and the unallocated immediate hints")]
    [TestCase(0xFFFF_F000u, 0xF57F_F000u, TestName = "Barriers, CLREX and SB, every option")]
    [TestCase(0xFE00_0000u, 0xF600_0000u, TestName = "Unconditional 011: register memory hints")]
    [TestCase(0xFE00_F000u, 0xF600_F000u, TestName = "Register memory hints with bits 15:12 set")]
    [TestCase(0xFE00_0000u, 0xF800_0000u, TestName = "Unconditional 100: SRS and RFE")]
    [TestCase(0xFE5F_FFE0u, 0xF84D_0500u, TestName = "SRS, every addressing mode and mode number")]
    [TestCase(0xFE50_FFFFu, 0xF810_0A00u, TestName = "RFE, every addressing mode and base")]
    [TestCase(0x0F90_0000u, 0x0100_0000u, TestName = "Miscellaneous, halfword multiplies and their extra loads and stores")]
    [TestCase(0xFF90_0000u, 0xE100_0000u, TestName = "Miscellaneous space with condition AL: CRC32 and HLT")]
    [TestCase(0xFF90_00F0u, 0xE100_0040u, TestName = "CRC32 and its overlaps with TST, CMP and MSR")]
    [TestCase(0x0FB0_00F0u, 0x0120_0090u, TestName = "MSR words among the synchronization primitives")]
    [TestCase(0x0FB0_00F0u, 0x0120_00B0u, TestName = "MSR words among the halfword stores")]
    [TestCase(0x0FB0_0000u, 0x0320_0000u, TestName = "MSR (immediate) and the hints")]
    [TestCase(0x0FF0_F000u, 0x0320_F000u, TestName = "MSR (immediate) of no fields and the hints")]
    public void SpaceAgrees(uint mask, uint value)
    {
        int seed = Seed(20261125);
        var diff = new A32Differential();
        diff.Compare(A32Differential.RandomWords(new Random(seed), WordsPerSpace, mask, value));
        TestContext.Out.WriteLine($"mask {mask:x8} value {value:x8} seed {seed}");
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.TotalChecked, Is.GreaterThan(WordsPerSpace / 2), "most of the space lies outside the known-disagreement spaces");
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), "UNDEFINED agreement");
            Assert.That(diff.AgreementChecked, Is.EqualTo(1.0), "text agreement");
        });
    }

    /// <summary>
    /// GNU decodes these spaces for every architecture it knows; the decoder must still say which of
    /// the words a Cortex-A15 lacks. objdump names the ARMv8 instructions, and each must be UNDEFINED.
    /// </summary>
    [Test]
    public void ArmV8InstructionsAreUndefinedOnTheCortexA15()
    {
        var rng = new Random(Seed(20261126));
        var words = new List<uint>();
        words.AddRange(A32Differential.RandomWords(rng, 5_000, 0xFF90_00F0u, 0xE100_0040u));
        words.AddRange(A32Differential.RandomWords(rng, 5_000, 0xFFF0_00F0u, 0xE100_0070u));
        words.AddRange(A32Differential.RandomWords(rng, 1_000, 0xFFFF_FDFFu, 0xF110_0000u));
        var texts = Objdump.DisassembleA32(words);
        int named = 0;
        var wrong = new List<string>();
        for (int k = 0; k < words.Count; k++)
        {
            string mnemonic = Objdump.Normalize(texts[k]).Split(' ')[0];
            if (!(mnemonic.StartsWith("crc32", StringComparison.Ordinal) || mnemonic is "hlt" or "setpan")) continue;
            named++;
            var insn = A32Table.CortexA15.Decode(words[k]);
            if (insn.Class != InstrClass.Undefined || insn.Reason != Reason.MissingFeature)
                wrong.Add($"{words[k]:x8} {insn.Op} {insn.Class} {insn.Reason}: objdump {Objdump.Normalize(texts[k])}");
        }
        Assert.That(named, Is.GreaterThan(1_000), "too few ARMv8 words to say anything");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong.Take(30)));
    }
}
