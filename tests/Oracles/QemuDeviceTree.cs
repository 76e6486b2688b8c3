using System.Diagnostics;

namespace Translator.Oracles;

/// <summary>The device tree qemu-system-arm's virt board (-cpu cortex-a15) builds, taken with -machine dumpdtb=FILE.</summary>
public static class QemuDeviceTree
{
    /// <summary>
    /// QEMU's DTB for these options. QEMU writes bootargs and the initrd only for a kernel it boots as
    /// Linux; when <paramref name="append"/> or <paramref name="initrd"/> is given, a raw image of zeros
    /// stands in for it (QEMU takes a raw image for a Linux kernel and never runs it: dumpdtb exits first).
    /// With <paramref name="dtb"/>, QEMU starts from that blob instead of its own, as with -dtb.
    /// </summary>
    public static byte[] Dump(string memory = "256", string? append = null, string? initrd = null, string? dtb = null)
    {
        string stem = Path.Combine(Path.GetTempPath(), $"translator-qemu-dtb-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string output = stem + ".dtb", kernel = stem + ".kernel";
        try
        {
            var args = new List<string> { "-M", $"virt,dumpdtb={output}", "-cpu", "cortex-a15", "-m", memory, "-nographic", "-monitor", "none" };
            if (append is not null || initrd is not null)
            {
                File.WriteAllBytes(kernel, new byte[4096]);
                args.AddRange(["-kernel", kernel]);
            }
            if (append is not null) args.AddRange(["-append", append]);
            if (initrd is not null) args.AddRange(["-initrd", initrd]);
            if (dtb is not null) args.AddRange(["-dtb", dtb]);

            var psi = new ProcessStartInfo(Qemu.Tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Qemu.Tool}");
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
                throw new TimeoutException($"{Qemu.Tool} did not dump its device tree within 60 s");
            }
            if (p.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException($"{Qemu.Tool} {string.Join(' ', args)} failed ({p.ExitCode}): {stdout.Result}{stderr.Result}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(output);
            File.Delete(kernel);
        }
    }
}
