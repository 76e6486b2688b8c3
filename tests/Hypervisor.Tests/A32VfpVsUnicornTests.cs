using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.IR.Semantics;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// The VFP against Unicorn: random sequences of every lifted VFP encoding over operands weighted
/// toward the awkward values (<see cref="VfpOperands"/>), in each of FPSCR's sixteen modes (rounding
/// mode × flush-to-zero × default NaN), run by both engines; D0–D31, FPSCR (the flags included),
/// the core registers, memory and the way the run ended must match. Sensitive VMRS/VMSR run
/// translated here, and trapping in <see cref="TrappedSystemRegistersMatchUnicorn"/>; a quarter of
/// the sequences run in User mode. TRANSLATOR_VFP_SEQUENCES sets the sequences per mode.
/// </summary>
[Category("Oracle")]
public sealed class A32VfpVsUnicornTests : UnicornTests
{
    private const int SequenceLength = 40;

    /// <summary>Sequences per mode for the interpreter; the jit engine, which compiles every block, runs an eighth as many.</summary>
    private static int Sequences => int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_VFP_SEQUENCES"), out int n) ? n : 480;

    private static int SequencesFor(EngineKind engine) => engine == EngineKind.Jit ? Math.Max(1, Sequences / 8) : Sequences;

    private static IEnumerable<TestCaseData> Modes()
    {
        foreach (var engine in new[] { EngineKind.Interpreter, EngineKind.Jit })
            for (uint rmode = 0; rmode < 4; rmode++)
                foreach (bool fz in new[] { false, true })
                    foreach (bool dn in new[] { false, true })
                        yield return new TestCaseData(engine, rmode << Fpscr.RModeShift | (fz ? Fpscr.Fz : 0) | (dn ? Fpscr.Dn : 0))
                            .SetArgDisplayNames(engine.ToString(), ((RoundingMode)rmode).ToString(), fz ? "FZ" : "no FZ", dn ? "DN" : "no DN");
    }

    [TestCaseSource(nameof(Modes))]
    public void RandomSequencesMatchUnicorn(EngineKind engine, uint modes) =>
        Run(engine, modes, SensitiveMode.Translate, SequencesFor(engine), Seed(Environment.TickCount) ^ (int)modes);

    /// <summary>
    /// The same in Thumb state (the T32 encodings, some in IT blocks): a quarter as many per mode, but
    /// never fewer than the jit engine runs, so that the share that runs to its end means something.
    /// </summary>
    [TestCaseSource(nameof(Modes))]
    public void ThumbSequencesMatchUnicorn(EngineKind engine, uint modes) =>
        Run(engine, modes, SensitiveMode.Translate, Math.Max(SequencesFor(EngineKind.Jit), SequencesFor(engine) / 4), Seed(Environment.TickCount) ^ (int)modes, thumb: true);

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void TrappedSystemRegistersMatchUnicorn(EngineKind engine) =>
        Run(engine, null, SensitiveMode.Trap, SequencesFor(engine), Seed(Environment.TickCount));

    private static void Run(EngineKind engine, uint? modes, SensitiveMode sensitive, int sequences, int seed, bool thumb = false)
    {
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed}); {VfpSequences.Encodings.Count} encodings in the mix");
        var rng = new Random(seed);
        using var diff = new UnicornDifferential { Sensitive = sensitive };
        var failures = SequenceComparison.Run(diff, engine, sequences, _ =>
        {
            var code = VfpSequences.Generate(rng, SequenceLength, thumb);
            var random = UnicornDifferential.RandomSetup(rng, code);
            // Nearly all core registers address the data window, so that the loads and stores mostly land.
            var registers = random.Registers.Select(r => rng.Next(16) == 0 ? r : UnicornDifferential.DataBase + 0x100 + (uint)rng.Next((int)UnicornDifferential.DataSize - 0x200) & ~3u).ToArray();
            registers[VfpSequences.FpscrRegister] = VfpOperands.Fpscr(rng, modes) & ~(Fpscr.Len | Fpscr.Stride);
            // A quarter in User mode, where the VFP's identification registers and FPEXC are UNDEFINED.
            uint cpsr = rng.Next(4) == 0 ? (random.Cpsr & ~0x1Fu) | 0x10 : random.Cpsr;
            return random with
            {
                Registers = registers, Cpsr = cpsr | (thumb ? 0x20u : 0), Thumb = thumb,
                Vfp = random.Vfp! with { Fpscr = VfpOperands.Fpscr(rng, modes) },
            };
        }, shrink: true);
        TestContext.Out.WriteLine($"{sequences} sequences, {sequences * SequenceLength} guest instructions; {diff.Completed} ran to their end");
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
        Assert.That(diff.Completed, Is.GreaterThan(sequences / 2), "too few sequences ran to their end to say much");
    }
}
