using System.Diagnostics;

namespace Translator.Oracles;

/// <summary>qemu-system-arm (Debian's qemu-system-arm) as the oracle of whole-program behaviour.</summary>
public static class Qemu
{
    public const string Tool = "qemu-system-arm";

    public static bool Available => Objdump.Which(Tool) is not null;

    public sealed record Result(byte[] Output, int ExitCode, bool TimedOut)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Output);
    }

    /// <summary>
    /// The processor Translator's guests get: a Cortex-A15 without the Advanced SIMD extension (see
    /// VfpSystem.Mvfr1), which QEMU models with its neon property.
    /// </summary>
    public const string Cpu = "cortex-a15,neon=off";

    /// <summary>Runs a bare-metal ELF on the virt board with semihosting and returns its console output and exit code.</summary>

    public static Result RunSemihosted(string elf, TimeSpan timeout, string memory = "256")
    {
        var psi = new ProcessStartInfo(Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-M", "virt", "-cpu", Cpu, "-m", memory, "-nographic", "-monitor", "none", "-semihosting", "-kernel", elf })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Tool}");
        p.StandardInput.Close();
        var output = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new Result(output.ToArray(), -1, TimedOut: true);
        }
        copy.Wait();
        _ = errors.Result;
        return new Result(output.ToArray(), p.ExitCode, TimedOut: false);
    }
}
