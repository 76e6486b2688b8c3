using Translator.Frontend.A32;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// Shared by the tests that check the decoder's UNDEFINED verdicts against Unicorn's Cortex-A15:
/// the library check, the seed, and running one word on a fresh CPU with the VFP enabled.
/// </summary>
public abstract class UnicornClassTests
{
    private const int InvalidInstruction = 10; // UC_ERR_INSN_INVALID
    private const uint Code = 0x1000;

    [OneTimeSetUp]
    public void RequireUnicorn()
    {
        if (!Unicorn.Available) Assert.Fail("libunicorn.so.2 is missing: run ./run-tests, which installs libunicorn2");
    }

    /// <summary>TRANSLATOR_SEED when set (to replay a failure), otherwise the given seed.</summary>
    protected static int Seed(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : fallback;

    /// <summary>Runs the word once; loads and stores reach mapped memory whatever their base, offset and post-index (registers are zero).</summary>
    protected static bool UnicornSaysUndefined(uint word)
    {
        using var uc = new Unicorn();
        uc.Map(0, 0x1_0000);
        uc.Map(0xFFFF_0000, 0x1_0000);
        uc.SetReg(Unicorn.Reg.Fpexc, 0x4000_0000);
        uc.Write(Code, BitConverter.GetBytes(word));
        return uc.Run(Code, Code + 4, 1) == InvalidInstruction;
    }

    /// <summary>
    /// Decodes each word and runs it on Unicorn: a word we call UNDEFINED must be an invalid
    /// instruction there, and one we call defined must not be. UNPREDICTABLE words are left out (the
    /// architecture lets them do either), and so are the words <paramref name="skip"/> names.
    /// </summary>
    protected static void AssertClassesMatchUnicorn(IEnumerable<uint> words, int seed, Func<uint, bool>? skip = null)
    {
        var wrong = new List<string>();
        int compared = 0, undefined = 0;
        foreach (uint word in words)
        {
            var insn = A32Table.CortexA15.Decode(word);
            if (insn.IsUnpredictable || (skip?.Invoke(word) ?? false)) continue;
            compared++;
            bool expected = UnicornSaysUndefined(word);
            if (expected) undefined++;
            if (insn.IsUndefined != expected && wrong.Count < 40)
                wrong.Add($"{word:x8} ours={insn.Class}/{insn.Reason} ({insn.Encoding?.Name ?? "no encoding"}) unicorn={(expected ? "undefined" : "runs")}");
        }
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed}): {compared} words compared, {undefined} undefined");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(undefined, Is.GreaterThan(500).And.LessThan(compared - 500), "too few of either kind to say anything");
    }
}
