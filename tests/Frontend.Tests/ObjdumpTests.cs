using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>What every test against GNU objdump needs: the tool, and the seed of its random words.</summary>
public abstract class ObjdumpTests
{
    [OneTimeSetUp]
    public void RequireObjdump()
    {
        if (!Objdump.Available)
            Assert.Fail($"{Objdump.Tool} is missing: run ./run-tests, which installs binutils-arm-none-eabi");
    }

    /// <summary>TRANSLATOR_SEED when set (to replay a failure), otherwise the given seed.</summary>
    protected static int Seed(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : fallback;
}
