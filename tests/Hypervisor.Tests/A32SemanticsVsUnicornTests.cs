using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// A32 semantics against Unicorn: random straight-line sequences of every lifted encoding, from
/// random register, flag and memory states, run by both engines; registers, flags, memory and the
/// way the run ended must match. `scripts/unicorn-campaign` runs longer campaigns.
/// </summary>
[Category("Oracle")]
public sealed class A32SemanticsVsUnicornTests : UnicornTests
{
    private static int SequenceLength => int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEQUENCE_LENGTH"), out int n) ? n : 40;

    private static int Sequences => int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEQUENCES"), out int n) ? n : 20_000;

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void RandomSequencesMatchUnicorn(EngineKind engine)
    {
        int seed = Seed(Environment.TickCount);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed}); {A32Sequences.Encodings.Count} encodings in the mix");
        var rng = new Random(seed);
        using var diff = new UnicornDifferential();
        int sequences = engine == EngineKind.Jit ? Sequences / 4 : Sequences;
        var failures = SequenceComparison.Run(diff, engine, sequences, _ => UnicornDifferential.RandomSetup(rng, A32Sequences.Generate(rng, SequenceLength)), shrink: true);
        TestContext.Out.WriteLine($"{sequences} sequences, {sequences * SequenceLength} guest instructions; {diff.SelfModifying} skipped because they overwrote their own code");
        Assert.That(diff.SelfModifying, Is.LessThan(sequences / 100 + 1), "too many sequences overwrote their own code to say anything");
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }
}
