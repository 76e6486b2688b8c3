using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The decoded operands of A32 records (registers, register lists, immediates, shifts, writeback,
/// condition) against Capstone 4's detail (Debian's libcapstone4), on every encoding of the table
/// filled with random bits and a seeded slice of random words. Capstone's known gaps and bugs are
/// listed, with their reasons, in <see cref="CapstoneDisagreements"/>; `Translator.Oracles capstone`
/// runs longer campaigns.
/// </summary>
[Category("Oracle")]
public sealed class A32OperandsVsCapstoneTests
{
    private const double Target = 0.999;
    private const int RandomWords = 200_000;

    [Test]
    public void OperandsAgreeOutsideTheKnownClasses()
    {
        if (!Capstone.Available) Assert.Fail("libcapstone.so.4 is missing: run ./run-tests, which installs libcapstone4");
        int seed = int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : Environment.TickCount;
        var rng = new Random(seed);
        var words = A32Differential.TableSamples(rng, perEncoding: 25);
        words.AddRange(A32Differential.RandomWords(rng, RandomWords - words.Count));
        var diff = new A32OperandDifferential();
        diff.Compare(words);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        TestContext.Out.Write(diff.Report());
        Assert.That(diff.Checked, Is.GreaterThan(words.Count / 2), "words both decode outside the known classes");
        Assert.That(diff.Agreement, Is.GreaterThanOrEqualTo(Target), $"operand agreement with Capstone outside the known classes, seed {seed}");
    }
}
