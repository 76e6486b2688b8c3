using Microsoft.Extensions.Logging.Abstractions;
using Translator.Backend.Execution;
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
    /// <summary>
    /// The programs whose every instruction Translator can run today. The others (crc and heap need
    /// the media instructions, selfmod needs CP15 cache maintenance) join this list as those land.
    /// </summary>
    private static readonly string[] Runnable = ["hello", "sort", "jumps", "multiplyq"];

    [OneTimeSetUp]
    public void RequireTools()
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        if (Objdump.Which("arm-none-eabi-gcc") is null) Assert.Fail("arm-none-eabi-gcc is missing: run ./run-tests, which installs gcc-arm-none-eabi");
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from name in Runnable
        from engine in new[] { EngineKind.Interpreter, EngineKind.Jit }
        select new TestCaseData(name, engine).SetName($"{name} ({engine})");

    [TestCaseSource(nameof(Cases))]
    public void OutputAndExitCodeMatchQemu(string name, EngineKind engine)
    {
        string elf = GuestPrograms.Path(name);
        var expected = Qemu.RunSemihosted(elf, TimeSpan.FromSeconds(60));
        Assert.That(expected.TimedOut, Is.False, "QEMU did not finish");

        var console = new MemoryStream();
        var report = new StringWriter();
        var options = new RunOptions { Kernel = elf, Semihosting = true, Engine = engine, Timeout = TimeSpan.FromSeconds(60) };
        var outcome = new GuestRunner(options, console, report, NullLogger.Instance).Run();

        Assert.That(outcome.Error, Is.Null, $"{outcome.Error}\n{outcome.Details}");
        Assert.That(System.Text.Encoding.UTF8.GetString(console.ToArray()), Is.EqualTo(System.Text.Encoding.UTF8.GetString(expected.Output)));
        Assert.That(outcome.ExitCode, Is.EqualTo(expected.ExitCode));
    }
}
