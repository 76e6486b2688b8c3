using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Oracles;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>
/// The system programs of tests/Guests/system (exceptions and returns, banked registers, CP15, the
/// MMU, the timer and the GIC) under each engine and each way of handling sensitive instructions;
/// console output and exit code must be qemu-system-arm's (-M virt -cpu cortex-a15,neon=off), taken when the
/// test runs.
/// </summary>
[Category("Guest")]
public sealed class SystemProgramsVsQemuTests
{
    [OneTimeSetUp]
    public void RequireTools() => QemuComparison.RequireTools();

    public static IEnumerable<TestCaseData> Cases() =>
        from name in GuestPrograms.SystemNames
        from engine in new[] { EngineKind.Interpreter, EngineKind.Jit }
        from sensitive in new[] { SensitiveMode.Trap, SensitiveMode.Translate }
        select new TestCaseData(name, engine, sensitive).SetName($"{name} ({engine}, {sensitive})");

    /// <summary>With --icount, one engine per sensitive mode (the pairs cover both engines and both modes).</summary>
    public static IEnumerable<TestCaseData> IcountCases() =>
        from name in GuestPrograms.SystemNames
        from pair in new[] { (EngineKind.Interpreter, SensitiveMode.Trap), (EngineKind.Jit, SensitiveMode.Translate) }
        select new TestCaseData(name, pair.Item1, pair.Item2).SetName($"{name} ({pair.Item1}, {pair.Item2}, icount)");

    [TestCaseSource(nameof(Cases))]
    public void OutputAndExitCodeMatchQemu(string name, EngineKind engine, SensitiveMode sensitive) =>
        QemuComparison.RunAndCompare(new RunOptions { Kernel = GuestPrograms.SystemPath(name), Semihosting = true, Engine = engine, Sensitive = sensitive, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>
    /// With guest time following retired instructions, the output still matches QEMU's, and a second
    /// run retires exactly as many instructions and takes exactly as many interrupts as the first.
    /// </summary>
    [TestCaseSource(nameof(IcountCases))]
    public void WithIcountOutputMatchesQemuAndRunsRepeat(string name, EngineKind engine, SensitiveMode sensitive)
    {
        var options = new RunOptions
        {
            Kernel = GuestPrograms.SystemPath(name), Semihosting = true, Engine = engine, Sensitive = sensitive,
            Timeout = TimeSpan.FromSeconds(60), CountInstructions = true, Statistics = true,
        };
        string first = QemuComparison.RunAndCompare(options), second = QemuComparison.RunAndCompare(options);
        Assert.That(Repeatable(second), Is.EqualTo(Repeatable(first)));
    }

    /// <summary>The lines of a --stats report that a repeated run must reproduce: instructions retired, interrupts taken.</summary>
    private static string[] Repeatable(string report) =>
        [.. report.Split('\n').Where(l => l.StartsWith("guest instructions retired", StringComparison.Ordinal) || l.StartsWith("exits: interrupt ", StringComparison.Ordinal))
            .Select(l => l.Split(" (mean")[0])];
}
