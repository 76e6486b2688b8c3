using System.Text;
using Translator.Backend.Execution;
using Translator.Oracles;
using Translator.Platform.Boards;
using Translator.Platform.Provisioning;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>
/// Debian's kernel writes to a virtio-blk disk in one boot, reboots (PSCI SYSTEM_RESET restarts the
/// board), reads the data back in the next boot and powers off; the host's image file holds it after
/// the run, and a read-only drive refuses the write.
/// </summary>
[Category("Boot")]
[NonParallelizable]
public sealed class VirtioBlockBootTests
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(300);
    private string _work = "";
    private GuestImage _image = null!;

    [OneTimeSetUp]
    public void Provision()
    {
        _image = new GuestImages().Provision();
        _work = Directory.CreateTempSubdirectory("translator-disk-").FullName;
    }

    [OneTimeTearDown]
    public void RemoveWork()
    {
        if (_work.Length > 0) Directory.Delete(_work, recursive: true);
    }

    [Test]
    public void WrittenDataSurvivesARebootAndReachesTheImageFile()
    {
        string disk = Path.Combine(_work, "disk.img");
        File.WriteAllBytes(disk, new byte[1 << 20]);
        string token = $"persisted-{Environment.TickCount64:x}";
        var run = Boot(disk, readOnly: false,
        [
            new(GuestImages.ReadyMarker, ""),
            new("# ", $"echo {token} | dd of=/dev/vda bs=512 seek=3 conv=sync,fsync; sync; reboot\n"),
            // The second boot's marker: the console shows the first one before the reboot.
            new(GuestImages.ReadyMarker, ""),
            new("# ", "echo '<<<'; dd if=/dev/vda bs=512 skip=3 count=1 2>/dev/null | head -n 1; echo '>>>'; poweroff\n"),
        ]);
        Assert.That(run.DialogueCompleted, "the guest did not answer:\n" + Tail(run.Text));
        Assert.That(run.Finished && run.Outcome!.ExitCode == 0, "poweroff did not end the run with 0:\n" + Tail(run.Text));
        Assert.That(Count(run.Text, GuestImages.ReadyMarker), Is.EqualTo(2), "the guest booted twice");
        string answer = run.Text.Replace("\r\n", "\n");
        int begin = answer.LastIndexOf("<<<\n", StringComparison.Ordinal), end = answer.LastIndexOf("\n>>>", StringComparison.Ordinal);
        Assert.That(begin >= 0 && end > begin ? answer[(begin + 4)..end] : answer, Is.EqualTo(token));
        byte[] image = File.ReadAllBytes(disk);
        Assert.That(Encoding.ASCII.GetString(image, 3 * 512, token.Length + 1), Is.EqualTo(token + "\n"), "the write reached the image file");
    }

    [Test]
    public void ReadOnlyDriveRefusesWrites()
    {
        string disk = Path.Combine(_work, "readonly.img");
        File.WriteAllBytes(disk, new byte[1 << 20]);
        var run = Boot(disk, readOnly: true,
        [
            new(GuestImages.ReadyMarker, ""),
            new("# ", "echo '<<<'; echo x | dd of=/dev/vda bs=512 conv=sync,fsync 2>/dev/null || echo refused; cat /sys/block/vda/ro; echo '>>>'; poweroff\n"),
        ]);
        Assert.That(run.DialogueCompleted && run.Finished, Tail(run.Text));
        string text = run.Text.Replace("\r\n", "\n");
        Assert.That(text, Does.Contain("<<<\nrefused\n1\n>>>"));
        Assert.That(File.ReadAllBytes(disk), Is.All.EqualTo((byte)0), "the image file is unchanged");
    }

    private TranslatorConsole.Result Boot(string disk, bool readOnly, IReadOnlyList<QemuLinux.Step> dialogue) =>
        TranslatorConsole.Run(new RunOptions
        {
            Kernel = _image.KernelPath, Initrd = _image.InitrdPath, Append = _image.CommandLine, Engine = EngineKind.Jit,
            Drives = [new DriveOption(disk, readOnly)],
        }, dialogue, BootTimeout);

    private static int Count(string text, string what)
    {
        int n = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;
}
