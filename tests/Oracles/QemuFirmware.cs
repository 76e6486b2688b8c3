using System.Diagnostics;

namespace Translator.Oracles;

/// <summary>qemu-system-arm starting firmware from flash (-bios), such as Debian's U-Boot, as the oracle of its console dialogue.</summary>
public static class QemuFirmware
{
    /// <summary>
    /// Boots <paramref name="bios"/> on the virt board (the Cortex-A15 without Advanced SIMD that Translator
    /// models, 256 MB, no network, a virtio-rng device as Translator's board has) with <paramref name="dtb"/>
    /// when given (else QEMU's own device tree), plays <paramref name="dialogue"/> on the console, and waits
    /// for the guest to power off; a reset ends the run too (-no-reboot).
    /// </summary>
    public static Qemu.Result Boot(string bios, string? dtb, IReadOnlyList<QemuLinux.Step> dialogue, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Qemu.Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] arguments = ["-M", "virt", "-cpu", Qemu.Cpu, "-m", "256", "-nographic", "-monitor", "none", "-no-reboot",
            "-nic", "none", "-device", "virtio-rng-device", "-bios", bios];
        if (dtb is not null) arguments = [.. arguments, "-dtb", dtb];
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var qemu = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Qemu.Tool}");
        var output = new ConsoleLog();
        var copy = output.CopyFromAsync(qemu.StandardOutput.BaseStream);
        var errors = qemu.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + timeout;
        output.Play(dialogue, qemu.StandardInput.BaseStream, deadline);
        bool exited = qemu.WaitForExit(QemuLinux.Remaining(deadline));
        if (!exited)
        {
            qemu.Kill(entireProcessTree: true);
            qemu.WaitForExit();
        }
        copy.Wait();
        _ = errors.Result;
        return new Qemu.Result(output.ToArray(), exited ? qemu.ExitCode : -1, TimedOut: !exited);
    }
}
