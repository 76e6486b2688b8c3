using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The floating-point families (coprocessors 9, 10 and 11) against GNU objdump: every VFP encoding
/// of the table filled with random bits, random words of each coprocessor space (conditional and
/// unconditional), and every 8-bit floating-point immediate. Nothing in these spaces is a known
/// disagreement, so text and UNDEFINED must agree on every word.
/// </summary>
[Category("Oracle")]
public sealed class A32VfpDisassemblyVsObjdumpTests : ObjdumpTests
{
    private const int RandomWords = 40_000;

    private static void AssertAllAgree(A32Differential diff, string context)
    {
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.TotalChecked, Is.EqualTo(diff.Total), $"words of a known-disagreement space, {context}");
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), $"UNDEFINED agreement, {context}");
            Assert.That(diff.AgreementChecked, Is.EqualTo(1.0), $"text agreement, {context}");
        });
    }

    [TestCase("VfpDataProcessing")]
    [TestCase("VfpLoadStore")]
    [TestCase("VfpTransfer")]
    public void EveryEncodingOfTheFamilyAgrees(string family)
    {
        int seed = Seed(20261124);
        var diff = new A32Differential();
        diff.Compare(A32Differential.TableSamples(new Random(seed), perEncoding: 200, family));
        AssertAllAgree(diff, $"seed {seed}");
    }

    // Loads, stores and 64-bit transfers; data processing; register transfers: conditional
    // (cond 1111 included) in coprocessors 10/11, then 9, then the unconditional ARMv8 space.
    [TestCase(0x0E00_0E00u, 0x0C00_0A00u)]
    [TestCase(0x0F00_0E10u, 0x0E00_0A00u)]
    [TestCase(0x0F00_0E10u, 0x0E00_0A10u)]
    [TestCase(0x0E00_0F00u, 0x0C00_0900u)]
    [TestCase(0x0F00_0F00u, 0x0E00_0900u)]
    [TestCase(0xFF00_0E00u, 0xFE00_0A00u)]
    [TestCase(0xFF00_0F00u, 0xFE00_0900u)]
    public void RandomWordsOfTheSpaceAgree(uint mask, uint value)
    {
        int seed = Seed(Environment.TickCount);
        var diff = new A32Differential();
        diff.Compare(A32Differential.RandomWords(new Random(seed), RandomWords, mask, value));
        AssertAllAgree(diff, $"mask {mask:x8} value {value:x8}, seed {seed} (rerun with TRANSLATOR_SEED={seed})");
    }

    [Test]
    public void EveryFloatingPointImmediateAgrees()
    {
        // VMOV.F16/.F32/.F64 Sd/Dd, #imm with imm4H in bits 19:16 and imm4L in bits 3:0.
        var words = new List<uint>();
        foreach (uint encoding in new[] { 0xEEB0_0900u, 0xEEB0_0A00u, 0xEEB0_0B00u })
            for (uint imm8 = 0; imm8 < 256; imm8++)
                words.Add(encoding | (imm8 >> 4) << 16 | (imm8 & 0xF));
        var diff = new A32Differential();
        diff.Compare(words);
        AssertAllAgree(diff, "VMOV immediate");
    }
}
