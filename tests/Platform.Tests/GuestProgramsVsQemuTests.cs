using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Oracles;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>
/// Guest programs of tests/Guests, built here with gcc-arm-none-eabi, run under `translator run
/// --semihosting` with each engine and under qemu-system-arm; console output and exit code must be
/// QEMU's, taken when the test runs.
/// </summary>
[Category("Guest")]
public sealed class GuestProgramsVsQemuTests
{
    [OneTimeSetUp]
    public void RequireTools() => QemuComparison.RequireTools();

    public static IEnumerable<TestCaseData> Cases() =>
        from name in GuestPrograms.Names
        from mode in new[] { (EngineKind.Interpreter, SensitiveMode.Translate), (EngineKind.Jit, SensitiveMode.Translate), (EngineKind.Jit, SensitiveMode.Trap) }
        select new TestCaseData(name, mode.Item1, mode.Item2).SetName($"{name} ({mode.Item1}, {mode.Item2})");

    [TestCaseSource(nameof(Cases))]
    public void OutputAndExitCodeMatchQemu(string name, EngineKind engine, SensitiveMode sensitive) =>
        QemuComparison.RunAndCompare(new RunOptions
        {
            Kernel = GuestPrograms.Path(name), Semihosting = true, Engine = engine, Sensitive = sensitive, Timeout = TimeSpan.FromSeconds(60),
        });
}
