using System.Text.RegularExpressions;
using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Oracles;
using Translator.Platform.Provisioning;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>
/// Boots Debian's armmp kernel with a busybox initramfs (provisioned from Debian's archive) on
/// Translator's jit engine, in each sensitive-instruction mode, types commands on its console and
/// compares what each prints with the same guest booted under qemu-system-arm; poweroff must end
/// both runs with exit code 0.
/// </summary>
[Category("Boot")]
[NonParallelizable]
public sealed class LinuxBootVsQemuTests
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(240);

    /// <summary>The commands, by name: what the issue asks for, and a file whose checksum the guest computes.</summary>
    private static readonly (string Name, string Command)[] Commands =
    [
        ("uname", "uname -a"),
        ("cpuinfo", "cat /proc/cpuinfo"),
        ("md5sum", "md5sum /root/sample.bin"),
        ("proc", "ls /proc"),
    ];

    private string _work = "";
    private GuestImage _image = null!;
    private string _initrd = "";
    private Qemu.Result _qemu = null!;

    [OneTimeSetUp]
    public void ProvisionAndBootUnderQemu()
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        var images = new GuestImages();
        _image = images.Provision(new Progress<string>(step => TestContext.Progress.WriteLine($"provisioning: {step}")));
        _work = Directory.CreateTempSubdirectory("translator-boot-").FullName;
        _initrd = Path.Combine(_work, "test.cpio.gz");
        var sample = new byte[256 << 10];
        new Random(20261206).NextBytes(sample);
        images.BuildInitramfs(_initrd, GuestImages.DefaultInit, new Dictionary<string, byte[]> { ["root/sample.bin"] = sample });
        TestContext.Progress.WriteLine("booting under QEMU");
        _qemu = QemuLinux.Boot(_image.KernelPath, _initrd, _image.CommandLine, BootTimeout, dialogue: Dialogue());
        Assert.That(_qemu.TimedOut, Is.False, "QEMU did not power off in time:\n" + Tail(_qemu.Text));
    }

    [OneTimeTearDown]
    public void RemoveWork()
    {
        if (_work.Length > 0) Directory.Delete(_work, recursive: true);
    }

    [TestCase(SensitiveMode.Translate)]
    [TestCase(SensitiveMode.Trap)]
    public void ConsoleCommandsMatchQemuAndPoweroffEndsTheRun(SensitiveMode sensitive)
    {
        var options = new RunOptions
        {
            Kernel = _image.KernelPath, Initrd = _initrd, Append = _image.CommandLine, Engine = EngineKind.Jit, Sensitive = sensitive,
        };
        TestContext.Progress.WriteLine($"booting under Translator ({sensitive})");
        var run = TranslatorConsole.Run(options, Dialogue(), BootTimeout);
        Assert.That(run.DialogueCompleted, "the guest never answered every command:\n" + Tail(run.Text));
        Assert.That(run.Finished, "the run did not end after poweroff:\n" + Tail(run.Text));
        Assert.That(run.Outcome!.Error, Is.Null, Tail(run.Text));
        Assert.That(run.Outcome.ExitCode, Is.Zero, "poweroff ends the run with exit code 0");
        Assert.That(_qemu.ExitCode, Is.Zero);
        Assert.That(run.Text, Does.Contain("reboot: Power down"));
        foreach (var (name, _) in Commands)
            Assert.That(Comparable(name, Answer(run.Text, name)), Is.EqualTo(Comparable(name, Answer(_qemu.Text, name))),
                $"'{name}' printed something else than under QEMU; the console after init:\n{AfterInit(run.Text)}");
    }

    /// <summary>
    /// Each command is framed by markers the shell prints (the typed line, which the terminal echoes,
    /// spells them with quotes, so only the output matches); each waits for the shell's prompt or the
    /// previous command's end.
    /// </summary>
    private static List<QemuLinux.Step> Dialogue()
    {
        // Kernel messages (such as the random pool's, which comes when it comes) must not cut into the answers.
        var steps = new List<QemuLinux.Step> { new(GuestImages.ReadyMarker, ""), new("# ", "dmesg -n 1\n") };
        string cue = "# ";
        foreach (var (name, command) in Commands)
        {
            steps.Add(new(cue, $"echo '<<<' {name}; {command}; echo '>>>' {name}\n"));
            // The next line waits for the prompt after this command's end: typed ahead, the terminal
            // would echo it into the middle of this command's output.
            steps.Add(new($">>> {name}", ""));
        }
        steps.Add(new(cue, "poweroff\n"));
        return steps;
    }

    private static string Answer(string console, string name)
    {
        var match = Regex.Match(console.Replace("\r\n", "\n"), $"(?m)^<<< {name}\n(.*?)^>>> {name}$", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : $"(no answer to {name})";
    }

    /// <summary>
    /// What of a command's answer must be QEMU's: all of it, except the process directories of
    /// /proc, whose numbers count the kernel threads started before init, and QEMU's board has
    /// devices this one has not (PCIe, fw-cfg, GPIO keys), whose drivers start threads of their own.
    /// </summary>
    private static string Comparable(string name, string answer) => name != "proc"
        ? answer
        : string.Join(" ", answer.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(e => !e.All(char.IsAsciiDigit)).Order(StringComparer.Ordinal));

    private static string AfterInit(string text) => text[Math.Max(0, text.IndexOf(GuestImages.ReadyMarker, StringComparison.Ordinal))..];

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;
}
