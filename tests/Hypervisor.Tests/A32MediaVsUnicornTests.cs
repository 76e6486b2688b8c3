using Translator.Backend.Execution;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// The media instructions (parallel add/subtract, packing, extension, reversal, bitfields and the
/// saturations with QADD and its kin) against Unicorn, from registers that sit on the lane and
/// saturation boundaries, where uniformly random values rarely land, and with random Q and GE.
/// </summary>
[Category("Oracle")]
public sealed class A32MediaVsUnicornTests : UnicornTests
{
    private static readonly HashSet<string> Families = ["ParallelAddSubtract", "Media", "Saturating"];

    private static readonly uint[] Boundaries =
    [
        0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x1_0000,
        0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFFE, 0x8000_8000, 0x7FFF_7FFF, 0xFFFF_0000,
        0x8080_8080, 0x7F7F_7F7F, 0x00FF_00FF, 0xFF00_FF00, 0x4000_0000, 0xC000_0000, 0x3FFF_FFFF,
    ];

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void BoundaryValuesMatchUnicorn(EngineKind engine)
    {
        int seed = Seed(Environment.TickCount);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        var rng = new Random(seed);
        using var diff = new UnicornDifferential();
        int sequences = engine == EngineKind.Jit ? 250 : 1000;
        var failures = SequenceComparison.Run(diff, engine, sequences, _ =>
        {
            var code = A32Sequences.Generate(rng, 12, i => Families.Contains(i.Encoding!.Family));
            var random = UnicornDifferential.RandomSetup(rng, code);
            var regs = random.Registers.Select(r => rng.Next(4) == 0 ? r : Boundaries[rng.Next(Boundaries.Length)] ^ (rng.Next(4) == 0 ? 1u << rng.Next(32) : 0)).ToArray();
            return random with { Registers = regs };
        });
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }
}
