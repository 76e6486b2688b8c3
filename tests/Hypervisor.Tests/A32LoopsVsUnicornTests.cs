using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Loops against Unicorn: a counted loop around random straight-line code with forward conditional
/// branches inside it, so that hot code is compiled as a region (blocks joined by IL branches, guest
/// registers held in locals across iterations, two-way block exits) and must still give Unicorn's
/// registers, flags and memory.
/// </summary>
[Category("Oracle")]
public sealed class A32LoopsVsUnicornTests : UnicornTests
{
    private const int Counter = 12;

    private static int Loops => int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_LOOPS"), out int n) ? n : 1500;

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void CountedLoopsMatchUnicorn(EngineKind engine)
    {
        int seed = Seed(Environment.TickCount);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        var rng = new Random(seed);
        // Blocks run twice interpreted before they are compiled, so a hot loop is compiled with the
        // blocks it has already run as one region.
        using var diff = new UnicornDifferential { CompileThreshold = 2 };
        long executed = 0;
        var failures = SequenceComparison.Run(diff, engine, Loops, _ =>
        {
            int iterations = 1 + rng.Next(20);
            var code = Loop(rng, iterations, 4 + rng.Next(24));
            executed += (long)iterations * code.Length;
            return UnicornDifferential.RandomSetup(rng, code) with { Budget = iterations * code.Length + code.Length };
        });
        TestContext.Out.WriteLine($"{Loops} loops, about {executed} guest instructions, {diff.RegionsFormed} regions compiled");
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
        if (engine == EngineKind.Jit) Assert.That(diff.RegionsFormed, Is.GreaterThan(Loops / 10), "too few loops were compiled as regions to say anything about them");
    }

    /// <summary>
    /// mov r12, #iterations; body (random code that leaves r12 alone, with forward b&lt;cond&gt; that
    /// stay inside the loop); subs r12, r12, #1; bne body.
    /// </summary>
    private static uint[] Loop(Random rng, int iterations, int bodyLength)
    {
        var body = A32Sequences.Generate(rng, bodyLength, insn => !A32Sequences.WritesRegister(insn, Counter));
        // Forward branches: to any later body instruction or to the subs, with a random condition.
        for (int k = 0; k < body.Length - 1; k++)
        {
            if (rng.Next(6) != 0) continue;
            int skip = rng.Next(body.Length - k);
            uint cond = (uint)rng.Next(15);
            body[k] = cond << 28 | 0x0A00_0000u | (uint)(skip - 1) & 0x00FF_FFFF;
        }
        var code = new List<uint> { 0xE3A0_C000u | (uint)iterations };
        code.AddRange(body);
        code.Add(0xE25C_C001u);                                                   // subs r12, r12, #1
        code.Add(0x1A00_0000u | (uint)(-(body.Length + 1) - 2) & 0x00FF_FFFF);   // bne body
        return [.. code];
    }
}
