using Microsoft.Extensions.Logging.Abstractions;
using Translator.Oracles;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>Runs a guest program on Translator and checks its console output and exit code against qemu-system-arm's, taken at test time.</summary>
internal static class QemuComparison
{
    private static readonly Dictionary<string, Qemu.Result> Expected = [];

    public static void RequireTools()
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        if (Objdump.Which("arm-none-eabi-gcc") is null) Assert.Fail("arm-none-eabi-gcc is missing: run ./run-tests, which installs gcc-arm-none-eabi");
    }

    /// <summary>Runs <paramref name="options"/>' program (QEMU once per program) and compares; returns the run's report (--stats).</summary>
    public static string RunAndCompare(RunOptions options)
    {
        string elf = options.Kernel!;
        Qemu.Result expected;
        lock (Expected)
            if (!Expected.TryGetValue(elf, out expected!)) Expected[elf] = expected = Qemu.RunSemihosted(elf, TimeSpan.FromSeconds(60));
        Assert.That(expected.TimedOut, Is.False, "QEMU did not finish");

        var console = new MemoryStream();
        var report = new StringWriter();
        var outcome = new GuestRunner(options, console, report, NullLogger.Instance).Run();
        string output = System.Text.Encoding.UTF8.GetString(console.ToArray());

        Assert.That(outcome.Error, Is.Null, $"{outcome.Error}\n{outcome.Details}\noutput so far:\n{output}");
        Assert.That(output, Is.EqualTo(System.Text.Encoding.UTF8.GetString(expected.Output)));
        Assert.That(outcome.ExitCode, Is.EqualTo(expected.ExitCode));
        return report.ToString();
    }
}
