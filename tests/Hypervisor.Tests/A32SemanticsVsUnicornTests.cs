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
        var failures = new List<string>();
        int sequences = engine == EngineKind.Jit ? Sequences / 4 : Sequences;
        for (int n = 0; n < sequences && failures.Count < 5; n++)
        {
            var code = A32Sequences.Generate(rng, SequenceLength);
            var setup = UnicornDifferential.RandomSetup(rng, code);
            string? problem;
            try
            {
                problem = diff.Compare(setup, engine);
            }
            catch (Exception e) when (e is not AssertionException)
            {
                problem = $"{e.GetType().Name}: {e.Message}";
            }
            if (problem is not null) failures.Add(Describe(setup, problem, n) + Shortest(diff, setup, engine));
        }
        TestContext.Out.WriteLine($"{sequences} sequences, {sequences * SequenceLength} guest instructions; {diff.SelfModifying} skipped because they overwrote their own code");
        Assert.That(diff.SelfModifying, Is.LessThan(sequences / 100 + 1), "too many sequences overwrote their own code to say anything");
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }

    /// <summary>The shortest prefix of a failing sequence that still fails: its last instruction is the first to diverge.</summary>
    internal static string Shortest(UnicornDifferential diff, UnicornDifferential.Setup setup, EngineKind engine)
    {
        var it = new Frontend.Thumb.ItState();
        for (int length = 1; length < setup.Code.Length; length++)
        {
            if (setup.Thumb)
            {
                // A Thumb prefix must not end inside an IT block, or the closing UDF would be conditional.
                uint w = setup.Code[length - 1];
                it = Frontend.Thumb.ThumbDecoder.Next(Frontend.Thumb.ThumbTable.CortexA15.Decode(w > 0xFFFF ? w >> 16 : w, w & 0xFFFF, it), it);
                if (it.InBlock) continue;
            }
            var prefix = setup with { Code = setup.Code[..length] };
            string? problem;
            try { problem = diff.Compare(prefix, engine); }
            catch (Exception e) when (e is not AssertionException) { problem = e.Message; }
            if (problem is not null)
                return $"\n  first divergence at instruction {length - 1} (0x{setup.Addresses()[length - 1]:x}): {problem.Replace("\n", "; ")}";
        }
        return "";
    }

    internal static string Describe(UnicornDifferential.Setup setup, string problem, int n)
    {
        var addresses = setup.Addresses();
        var arm = new A32Disassembler();
        var thumb = new Frontend.Thumb.ThumbDisassembler();
        string Text(uint w, uint address) => !setup.Thumb ? arm.Disassemble(w, address)
            : thumb.Format(thumb.Next(w > 0xFFFF ? w >> 16 : w, w & 0xFFFF), address);
        var lines = setup.Code.Select((w, k) => $"  {addresses[k]:x}: {w:x8} {Text(w, addresses[k]).Replace('\t', ' ')}");
        return $"sequence {n}: {problem}\n  regs {string.Join(" ", setup.Registers.Select(r => r.ToString("x8")))} cpsr {setup.Cpsr:x8}\n{string.Join("\n", lines)}";
    }
}
