using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Oracles;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>
/// Debian's U-Boot for QEMU (package u-boot-qemu) started from flash with the board's own device tree, on
/// the jit engine with sensitive instructions translated or trapping: it boots to its prompt, and its boot messages and its answers to <c>version</c> and <c>bdinfo</c> must be
/// what the same firmware prints under qemu-system-arm given the same device tree, then <c>poweroff</c>
/// (PSCI SYSTEM_OFF) ends both runs.
/// </summary>
[Category("Boot")]
[NonParallelizable]
public sealed partial class UBootVsQemuTests
{
    private const string Firmware = "/usr/lib/u-boot/qemu_arm/u-boot.bin";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>
    /// A key stops the 2-second autoboot countdown (a pipe's input is read as soon as U-Boot looks); each
    /// command waits for the prompt after the previous one's answer.
    /// </summary>
    private static readonly QemuLinux.Step[] Dialogue =
    [
        new("Hit any key to stop autoboot", "\n"),
        new("=> ", "version\n"),
        new("=> ", "bdinfo\n"),
        new("=> ", "poweroff\n"),
    ];

    [TestCase(SensitiveMode.Translate)]
    [TestCase(SensitiveMode.Trap)]
    public void BootMessagesVersionAndBdinfoMatchQemu(SensitiveMode sensitive)
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        if (!File.Exists(Firmware)) Assert.Fail($"{Firmware} is missing: run ./run-tests, which installs u-boot-qemu");
        var options = new RunOptions { Bios = Firmware, Engine = EngineKind.Jit, Sensitive = sensitive };
        string dtbPath = Path.Combine(Path.GetTempPath(), $"translator-uboot-{Guid.NewGuid():N}.dtb");
        try
        {
            // The board's own tree, as the guest gets it; QEMU is given the same one, so both describe one machine.
            var dump = new GuestRunner(options with { DumpDtb = dtbPath }, Stream.Null, TextWriter.Null, NullLogger.Instance).Run();
            Assert.That(dump.Error, Is.Null);
            byte[] dtb = File.ReadAllBytes(dtbPath);
            Assert.That(dtb, Is.Not.Empty, "the board gives the guest no device tree");

            TestContext.Progress.WriteLine($"booting U-Boot under Translator ({sensitive})");
            var run = TranslatorConsole.Run(options, Dialogue, Timeout);
            string ours = run.Text;
            Assert.That(run.DialogueCompleted, "U-Boot on Translator never answered every command:\n" + ours);
            Assert.That(run.Finished, "the run did not end after poweroff:\n" + ours);
            Assert.That(run.Outcome!.Error, Is.Null, $"{run.Outcome.Error}\n{run.Outcome.Details}\n{ours}");
            Assert.That(run.Outcome.ExitCode, Is.Zero, "poweroff (PSCI SYSTEM_OFF) ends the run with exit code 0");
            // U-Boot keeps a copy of the tree with room for its total size (board_f.c, reserve_fdt).
            Assert.That(FdtSize(Normalise(ours)), Is.EqualTo((BinaryPrimitives.ReadUInt32BigEndian(dtb.AsSpan(4)) + 31) & ~31u), "bdinfo's fdt_size");

            TestContext.Progress.WriteLine("booting U-Boot under QEMU");
            var expected = QemuFirmware.Boot(Firmware, dtbPath, Dialogue, TimeSpan.FromSeconds(60));
            string theirs = expected.Text;
            Assert.That(expected.TimedOut, Is.False, $"QEMU did not power off:\n{theirs}");
            Assert.That(theirs, Does.Contain("=> bdinfo"), "QEMU's U-Boot did not take the dialogue");
            Assert.That(AlignDeviceTreeShift(Normalise(ours), Normalise(theirs)), Is.EqualTo(Normalise(theirs)));
        }
        finally
        {
            File.Delete(dtbPath);
        }
    }

    /// <summary>
    /// The autoboot countdown shows " 0" straight away when a key was already waiting at U-Boot's first look,
    /// and "\b\b\b 0 " when it came during the first second: which one depends on host timing.
    /// </summary>
    private static string Normalise(string console) =>
        Countdown().Replace(console.Replace("\r\n", "\n", StringComparison.Ordinal), "Hit any key to stop autoboot: (stopped)");

    [GeneratedRegex(@"Hit any key to stop autoboot:[^\n]*")]
    private static partial Regex Countdown();

    [GeneratedRegex(@"0x[0-9a-f]+")]
    private static partial Regex Hex();

    /// <summary>
    /// bdinfo's lines that follow where U-Boot put its copy of the device tree: it reserves room for the
    /// blob's total size (fdt_size) just below the top of RAM it relocated to, and its stacks and the LMB
    /// reservations sit below that. QEMU loads a -dtb with room to grow, (file size + 10000) × 2 bytes
    /// (load_device_tree), so there everything below the copy moves down by the difference. Each of our
    /// numbers on those lines is taken as QEMU's when it differs from it by exactly that difference (the
    /// LMB reservation, aligned to a page, to within a page); any other difference stays and fails.
    /// </summary>
    private static string AlignDeviceTreeShift(string ours, string theirs)
    {
        string[] prefixes = ["fdt_blob", "new_fdt", "fdt_size", " reserved[", "irq_sp", "sp start"];
        var qemuLines = theirs.Split('\n');
        long? ourSize = FdtSize(ours), qemuSize = FdtSize(theirs);
        if (ourSize is null || qemuSize is null) return ours;
        long shift = Math.Abs(qemuSize.Value - ourSize.Value);
        var lines = ours.Split('\n');
        for (int k = 0; k < lines.Length; k++)
        {
            string line = lines[k];
            if (!Array.Exists(prefixes, p => line.StartsWith(p, StringComparison.Ordinal))) continue;
            string key = line.Split('=', ']')[0];
            if (Array.Find(qemuLines, l => l.StartsWith(key, StringComparison.Ordinal)) is not { } qemuLine) continue;
            var a = Hex().Matches(line);
            var b = Hex().Matches(qemuLine);
            if (a.Count != b.Count || Hex().Replace(line, "") != Hex().Replace(qemuLine, "")) continue;
            bool moved = key.StartsWith("fdt_size", StringComparison.Ordinal) || Enumerable.Range(0, a.Count).All(n =>
            {
                long difference = Math.Abs(Parse(a[n].Value) - Parse(b[n].Value));
                return difference == 0 || Math.Abs(difference - shift) < 0x1000;
            });
            if (moved) lines[k] = qemuLine;
        }
        return string.Join('\n', lines);
    }

    private static long? FdtSize(string console) =>
        console.Split('\n').FirstOrDefault(l => l.StartsWith("fdt_size", StringComparison.Ordinal)) is { } line && Hex().Match(line) is { Success: true } m ? Parse(m.Value) : null;

    private static long Parse(string hex) => long.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
