using Translator.Backend.Execution;
using Translator.Frontend.Decoding;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Thumb loops against Unicorn: a counted loop around random T16/T32 code with IT blocks and forward
/// conditional branches, so that hot Thumb code is compiled as a region (and blocks split inside IT
/// blocks are joined by jumps that carry ITSTATE) and must still give Unicorn's registers, flags and
/// memory.
/// </summary>
[Category("Oracle")]
public sealed class ThumbLoopsVsUnicornTests : UnicornTests
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
        using var diff = new UnicornDifferential { CompileThreshold = 2 };
        long executed = 0;
        var failures = SequenceComparison.Run(diff, engine, Loops, _ =>
        {
            int iterations = 1 + rng.Next(20);
            var code = Loop(rng, iterations, 4 + rng.Next(24));
            executed += (long)iterations * code.Length;
            var random = UnicornDifferential.RandomSetup(rng, code, inDataQuarters: 3);
            return random with { Thumb = true, Cpsr = random.Cpsr | 0x20, Budget = iterations * code.Length + code.Length };
        });
        TestContext.Out.WriteLine($"{Loops} loops, about {executed} guest instructions, {diff.RegionsFormed} regions compiled, "
            + $"{diff.LateFaultsInItBlocks} not compared (Unicorn's late data aborts in IT blocks)");
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
        Assert.That(diff.LateFaultsInItBlocks, Is.LessThan(Loops / 10 + 1), "too many loops faulted inside IT blocks to say anything");
        if (engine == EngineKind.Jit) Assert.That(diff.RegionsFormed, Is.GreaterThan(Loops / 10), "too few loops were compiled as regions to say anything about them");
    }

    /// <summary>
    /// mov.w r12, #iterations; body (random code that leaves r12 alone, with forward b&lt;cond&gt;
    /// outside its IT blocks that land outside them too); subs.w r12, r12, #1; bne body.
    /// </summary>
    private static uint[] Loop(Random rng, int iterations, int bodyLength)
    {
        var body = ThumbSequences.Generate(rng, bodyLength, insn => !A32Sequences.WritesRegister(insn, Counter));
        // Where each instruction starts outside an IT block: the places a branch may go before or to.
        var outside = ThumbSequences.ItStates(body).Select(it => !it.InBlock).ToArray();
        // Branch k goes before body[At] to the start of body[To] (To = body.Length: the subs).
        var branches = new List<(int At, int To, uint Cond)>();
        for (int k = 0; k < body.Length; k++)
        {
            if (!outside[k] || rng.Next(6) != 0) continue;
            var targets = Enumerable.Range(k, body.Length - k + 1).Where(t => outside[t]).ToArray();
            branches.Add((k, targets[rng.Next(targets.Length)], (uint)rng.Next(14)));
        }
        var code = new List<uint> { 0xF04F_0C00u | (uint)iterations };                    // mov.w r12, #iterations
        var bodyIndex = new int[body.Length + 1];
        var branchAt = new List<(int Index, int To, uint Cond)>();
        for (int k = 0; k <= body.Length; k++)
        {
            foreach (var b in branches.Where(b => b.At == k)) { branchAt.Add((code.Count, b.To, b.Cond)); code.Add(0); }
            bodyIndex[k] = code.Count;
            if (k < body.Length) code.Add(body[k]);
        }
        code.Add(0xF1BC_0C01u);                                                            // subs.w r12, r12, #1
        int back = code.Count;
        code.Add(0);                                                                       // bne body
        var addresses = new UnicornDifferential.Setup([.. code], [], 0, [], Thumb: true).Addresses();
        foreach (var (index, to, cond) in branchAt)
            code[index] = 0xD000 | cond << 8 | (uint)((int)(addresses[bodyIndex[to]] - addresses[index] - 4) >> 1) & 0xFF;
        code[back] = 0xD100 | (uint)((int)(addresses[1] - addresses[back] - 4) >> 1) & 0xFF;
        return [.. code];
    }
}
