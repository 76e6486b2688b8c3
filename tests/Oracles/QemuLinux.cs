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
        var start = new ProcessStartInfo(Qemu.Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] arguments = ["-M", "virt", "-cpu", "cortex-a15", "-m", "256", "-nographic", "-monitor", "none", "-no-reboot",
            "-kernel", kernel, "-initrd", initrd, "-append", commandLine];
        if (disk is not null) arguments = [.. arguments, "-drive", $"file={disk},format=raw,if=none,id=d0", "-device", "virtio-blk-device,drive=d0"];
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var qemu = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Qemu.Tool}");
        var output = new ConsoleLog();
        var copy = output.CopyFromAsync(qemu.StandardOutput.BaseStream);
        var errors = qemu.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + timeout;

        int from = 0;
        foreach (var step in dialogue ?? [])
        {
            // Input that arrives before the shell reads its terminal is lost, so each line waits for its cue.
            int found = output.WaitFor(step.Expect, from, deadline);
            if (found < 0) break;
            from = found + step.Expect.Length;
            qemu.StandardInput.Write(step.Send);
            qemu.StandardInput.Flush();
        }
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

    private static TimeSpan Remaining(DateTime deadline) => deadline > DateTime.UtcNow ? deadline - DateTime.UtcNow : TimeSpan.Zero;

    /// <summary>The console output so far, which the dialogue watches while it grows.</summary>
    private sealed class ConsoleLog
    {
        private readonly MemoryStream bytes = new();
        private readonly object gate = new();
        private bool ended;

        public async Task CopyFromAsync(Stream stream)
        {
            var buffer = new byte[4096];
            int count;
            while ((count = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                lock (gate)
                {
                    bytes.Write(buffer, 0, count);
                    Monitor.PulseAll(gate);
                }
            lock (gate)
            {
                ended = true;
                Monitor.PulseAll(gate);
            }
        }

        /// <summary>Where <paramref name="text"/> first appears at or after character <paramref name="from"/>; -1 if the output ends or the deadline passes first.</summary>
        public int WaitFor(string text, int from, DateTime deadline)
        {
            lock (gate)
                while (true)
                {
                    string soFar = Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
                    int found = from <= soFar.Length ? soFar.IndexOf(text, from, StringComparison.Ordinal) : -1;
                    if (found >= 0) return found;
                    if (ended || !Monitor.Wait(gate, Remaining(deadline))) return -1;
                }
        }

        public byte[] ToArray()
        {
            lock (gate) return bytes.ToArray();
        }
    }
}
