using Translator.Backend.Execution;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Thumb semantics against Unicorn: random straight-line T16/T32 sequences with IT blocks, from
/// random register, flag and memory states, run by both engines; registers, flags, memory and the
/// way the run ended must match. `scripts/unicorn-campaign` runs longer campaigns.
/// </summary>
[Category("Oracle")]
public sealed class ThumbSemanticsVsUnicornTests : UnicornTests
{
    private static int SequenceLength => int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEQUENCE_LENGTH"), out int n) ? n : 40;

    private static int Sequences => int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEQUENCES"), out int n) ? n : 20_000;

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void RandomSequencesMatchUnicorn(EngineKind engine)
    {
        int seed = Seed(Environment.TickCount);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed}); {ThumbSequences.Encodings.Count} encodings in the mix");
        var rng = new Random(seed);
        using var diff = new UnicornDifferential();
        int sequences = engine == EngineKind.Jit ? Sequences / 4 : Sequences;
        long instructions = 0;
        var failures = SequenceComparison.Run(diff, engine, sequences, _ =>
        {
            var code = ThumbSequences.Generate(rng, SequenceLength);
            instructions += code.Length;
            // Most registers point into memory: Unicorn's late data aborts in IT blocks make a faulting run useless.
            var random = UnicornDifferential.RandomSetup(rng, code, inDataQuarters: 3);
            return random with { Thumb = true, Cpsr = random.Cpsr | 0x20 };
        }, shrink: true);
        TestContext.Out.WriteLine($"{sequences} sequences, {instructions} guest instructions; {diff.SelfModifying} skipped because they overwrote "
            + $"their own code, {diff.LateFaultsInItBlocks} because Unicorn reported a data abort in an IT block late");
        Assert.That(diff.SelfModifying, Is.LessThan(sequences / 100 + 1), "too many sequences overwrote their own code to say anything");
        Assert.That(diff.LateFaultsInItBlocks, Is.LessThan(sequences / 10 + 1), "too many sequences faulted inside IT blocks to say anything");
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }
}
