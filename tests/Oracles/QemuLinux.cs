using System.Diagnostics;
using System.Text;

namespace Translator.Oracles;

/// <summary>qemu-system-arm booting a Linux kernel with an initramfs, as the oracle of what a whole guest prints.</summary>
public static class QemuLinux
{
    /// <summary>One step of a conversation with the guest's console: once <paramref name="Expect"/> appears (after the previous step's), type <paramref name="Send"/>.</summary>
    public sealed record Step(string Expect, string Send);

    /// <summary>
    /// Boots <paramref name="kernel"/> (a zImage) with <paramref name="initrd"/> on the virt board
    /// (cortex-a15, 256 MB), with <paramref name="disk"/> as a virtio-blk disk when given, plays
    /// <paramref name="dialogue"/> on the console, and waits for the guest to power off; a reboot
    /// ends the run too (-no-reboot).
    /// </summary>
    public static Qemu.Result Boot(string kernel, string initrd, string commandLine, TimeSpan timeout, string? disk = null, IReadOnlyList<Step>? dialogue = null)
    {
        string[] arguments = ["-kernel", kernel, "-initrd", initrd, "-append", commandLine];
        if (disk is not null) arguments = [.. arguments, "-drive", $"file={disk},format=raw,if=none,id=d0", "-device", "virtio-blk-device,drive=d0"];
        return Converse(arguments, dialogue ?? [], timeout);
    }

    /// <summary>
    /// Runs qemu-system-arm on the virt board (the Cortex-A15 without Advanced SIMD that Translator
    /// models, 256 MB, no reboot) with <paramref name="arguments"/> added, plays <paramref name="dialogue"/>
    /// on its console and waits for it to end, killing it at the timeout.
    /// </summary>
    public static Qemu.Result Converse(IEnumerable<string> arguments, IReadOnlyList<Step> dialogue, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Qemu.Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-M", "virt", "-cpu", Qemu.Cpu, "-m", "256", "-nographic", "-monitor", "none", "-no-reboot", .. arguments])
            start.ArgumentList.Add(argument);
        using var qemu = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Qemu.Tool}");
        var output = new ConsoleLog();
        var copy = output.CopyFromAsync(qemu.StandardOutput.BaseStream);
        var errors = qemu.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + timeout;
        output.Play(dialogue, qemu.StandardInput.BaseStream, deadline);
        bool exited = qemu.WaitForExit(Remaining(deadline));
        if (!exited)
        {
            qemu.Kill(entireProcessTree: true);
            qemu.WaitForExit();
        }
        copy.Wait();
        _ = errors.Result;
        return new Qemu.Result(output.ToArray(), exited ? qemu.ExitCode : -1, TimedOut: !exited);
    }

    public static TimeSpan Remaining(DateTime deadline) => deadline > DateTime.UtcNow ? deadline - DateTime.UtcNow : TimeSpan.Zero;
}
