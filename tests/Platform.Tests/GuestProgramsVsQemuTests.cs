using Microsoft.Extensions.Logging.Abstractions;
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
    public void RequireTools()
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        if (Objdump.Which("arm-none-eabi-gcc") is null) Assert.Fail("arm-none-eabi-gcc is missing: run ./run-tests, which installs gcc-arm-none-eabi");
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from name in GuestPrograms.Names
        from mode in new[] { (EngineKind.Interpreter, SensitiveMode.Translate), (EngineKind.Jit, SensitiveMode.Translate), (EngineKind.Jit, SensitiveMode.Trap) }
        select new TestCaseData(name, mode.Item1, mode.Item2).SetName($"{name} ({mode.Item1}, {mode.Item2})");

    [TestCaseSource(nameof(Cases))]
    public void OutputAndExitCodeMatchQemu(string name, EngineKind engine, SensitiveMode sensitive)
    {
        string elf = GuestPrograms.Path(name);
        var expected = Qemu.RunSemihosted(elf, TimeSpan.FromSeconds(60));
        Assert.That(expected.TimedOut, Is.False, "QEMU did not finish");

        var console = new MemoryStream();
        var report = new StringWriter();
        var options = new RunOptions { Kernel = elf, Semihosting = true, Engine = engine, Sensitive = sensitive, Timeout = TimeSpan.FromSeconds(60) };
        var outcome = new GuestRunner(options, console, report, NullLogger.Instance).Run();

        Assert.That(outcome.Error, Is.Null, $"{outcome.Error}\n{outcome.Details}");
        Assert.That(System.Text.Encoding.UTF8.GetString(console.ToArray()), Is.EqualTo(System.Text.Encoding.UTF8.GetString(expected.Output)));
        Assert.That(outcome.ExitCode, Is.EqualTo(expected.ExitCode));
    }
}
