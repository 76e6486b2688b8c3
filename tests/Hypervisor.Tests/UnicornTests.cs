using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>What every test against Unicorn needs: the library, and the seed of its random inputs.</summary>
public abstract class UnicornTests
{
    [OneTimeSetUp]
    public void RequireUnicorn()
    {
        if (!Unicorn.Available) Assert.Fail("libunicorn.so.2 is missing: run ./run-tests, which installs libunicorn2");
    }

    /// <summary>TRANSLATOR_SEED when set (to replay a failure), otherwise the given seed.</summary>
    protected static int Seed(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : fallback;
}
