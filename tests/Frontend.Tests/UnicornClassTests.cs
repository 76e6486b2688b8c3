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
}
