using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The A32 disassembler against GNU objdump (binutils-arm-none-eabi): every encoding of the table
/// filled with random bits, and a seeded slice of random words. `scripts/objdump-campaign` runs
/// the full million-word campaign.
/// </summary>
[Category("Oracle")]
public sealed class A32DisassemblyVsObjdumpTests : ObjdumpTests
{
    private const double TextTarget = 0.999;
    private const int RandomWords = 200_000;

    [Test]
    public void EveryEncodingOfTheTableAgrees()
    {
        int seed = Seed(20261124);
        var diff = new A32Differential();
        diff.Compare(A32Differential.TableSamples(new Random(seed), perEncoding: 25));
        TestContext.Out.WriteLine($"seed {seed}");
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), "UNDEFINED agreement outside the known-disagreement spaces");
            Assert.That(diff.AgreementChecked, Is.GreaterThanOrEqualTo(TextTarget), "text agreement outside the known-disagreement spaces");
        });
    }

    [Test]
    public void RandomWordsAgree()
    {
        int seed = Seed(Environment.TickCount);
        var diff = new A32Differential();
        diff.Compare(A32Differential.RandomWords(new Random(seed), RandomWords));
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), $"UNDEFINED agreement outside the known-disagreement spaces, seed {seed}");
            Assert.That(diff.AgreementChecked, Is.GreaterThanOrEqualTo(TextTarget), $"text agreement outside the known-disagreement spaces, seed {seed}");
        });
    }
}
