using Translator.Backend.Execution;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// An exception inside an IT block: a supervisor call in a random slot of a random IT block, which
/// Translator takes (the block ends there) and resumes after, as a handler that returns at once
/// would. The instructions after it must still run under the block's conditions, so the result must
/// be Unicorn's for the same code with a NOP in the SVC's place.
/// </summary>
[Category("Oracle")]
public sealed class ThumbItBlockExceptionTests : UnicornTests
{
    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void ItStateSurvivesASupervisorCall(EngineKind engine)
    {
        int seed = Seed(Environment.TickCount);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        var rng = new Random(seed);
        using var diff = new UnicornDifferential { ResumeAfterSupervisorCall = true };
        var failures = SequenceComparison.Run(diff, engine, 300, _ =>
        {
            var (code, oracle) = Sequence(rng);
            var random = UnicornDifferential.RandomSetup(rng, code);
            return random with { Thumb = true, Cpsr = random.Cpsr | 0x20, OracleCode = oracle };
        });
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures));
    }

    /// <summary>Flag-setting and plain T16 arithmetic around an IT block with an SVC in one of its slots.</summary>
    private static (uint[] Code, uint[] Oracle) Sequence(Random rng)
    {
        var code = new List<uint>();
        for (int k = 0; k < 3; k++) code.Add(Arithmetic(rng));
        uint firstCond = (uint)rng.Next(14), mask = (uint)rng.Next(1, 16);
        int length = 4 - System.Numerics.BitOperations.TrailingZeroCount(mask);
        int svcSlot = rng.Next(length);
        code.Add(0xBF00 | firstCond << 4 | mask);
        int svcIndex = -1;
        for (int k = 0; k < length; k++)
        {
            if (k == svcSlot) { svcIndex = code.Count; code.Add(0xDF00 | (uint)rng.Next(256)); }
            else code.Add(Arithmetic(rng));
        }
        for (int k = 0; k < 3; k++) code.Add(Arithmetic(rng));
        var oracle = code.ToArray();
        oracle[svcIndex] = 0xBF00; // NOP, conditional like the SVC inside the block
        return ([.. code], oracle);
    }

    /// <summary>ADDS/SUBS Rd, Rn, #imm3 or ADD/SUB (register) of low registers: they set the flags only outside an IT block.</summary>
    private static uint Arithmetic(Random rng)
    {
        uint rd = (uint)rng.Next(8), rn = (uint)rng.Next(8), rm = (uint)rng.Next(8);
        return rng.Next(4) switch
        {
            0 => 0x1C00 | (uint)rng.Next(8) << 6 | rn << 3 | rd, // ADDS Rd, Rn, #imm3
            1 => 0x1E00 | (uint)rng.Next(8) << 6 | rn << 3 | rd, // SUBS Rd, Rn, #imm3
            2 => 0x1800 | rm << 6 | rn << 3 | rd,                 // ADDS Rd, Rn, Rm
            _ => 0x1A00 | rm << 6 | rn << 3 | rd,                 // SUBS Rd, Rn, Rm
        };
    }
}
