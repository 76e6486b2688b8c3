using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The Thumb disassembler against GNU objdump (-M force-thumb) over whole instruction streams:
/// every line of the T16 and T32 tables filled with random bits, and a seeded slice of random
/// 16- and 32-bit instructions with IT instructions among them, so that the conditions inside IT
/// blocks are compared too. `scripts/objdump-campaign t32` runs the million-instruction campaign.
/// </summary>
[Category("Oracle")]
public sealed class ThumbDisassemblyVsObjdumpTests : ObjdumpTests
{
    private const double TextTarget = 0.999;
    private const int RandomInstructions = 200_000;

    [Test]
    public void EveryEncodingOfTheTablesAgrees()
    {
        int seed = Seed(20261125);
        var diff = new ThumbDifferential();
        diff.Compare(ThumbDifferential.TableSamples(new Random(seed), perEncoding: 25));
        AssertTargets(diff, seed);
    }

    [Test]
    public void RandomInstructionStreamsAgree()
    {
        int seed = Seed(Environment.TickCount);
        var diff = new ThumbDifferential();
        diff.Compare(ThumbDifferential.RandomInstructions(new Random(seed), RandomInstructions));
        AssertTargets(diff, seed);
    }

    private static void AssertTargets(ThumbDifferential diff, int seed)
    {
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), $"UNDEFINED agreement outside the known-disagreement spaces, seed {seed}");
            Assert.That(diff.AgreementChecked, Is.GreaterThanOrEqualTo(TextTarget), $"text agreement outside the known-disagreement spaces, seed {seed}");
        });
    }
}
