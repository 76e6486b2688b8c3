using System.Text;

namespace Translator.Platform.Provisioning;

/// <summary>
/// Lays out the guest's root filesystem as a gzip-compressed newc cpio archive: busybox, the kernel
/// modules with a modules.dep for busybox's modprobe, the setup script, an /init, and the device
/// nodes the kernel opens before devtmpfs is mounted.
/// </summary>
/// <param name="busybox">The static armhf busybox binary.</param>
/// <param name="moduleDirectory">Where the cache keeps the modules, laid out as lib/modules/&lt;release&gt;/.</param>
/// <param name="manifest">The kernel release and the modules, in load order.</param>
internal sealed class InitramfsBuilder(string busybox, string moduleDirectory, GuestManifest manifest)
{
    public string SetupScript => InitScripts.Setup(manifest.KernelRelease, manifest.ModulePaths);

    public void Write(string path, string initScript, IReadOnlyDictionary<string, byte[]>? extraFiles = null)
    {
        if (!initScript.StartsWith("#!", StringComparison.Ordinal))
            throw new ArgumentException("an init script must start with #! (for example #!/bin/busybox sh)", nameof(initScript));
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Written beside the target and renamed, so that a reader never sees half an archive.
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var cpio = CpioWriter.Create(temporary, gzip: true))
            {
                foreach (string d in (ReadOnlySpan<string>)["bin", "sbin", "usr/bin", "usr/sbin", "dev", "proc", "sys", "etc/translator", "run", "mnt"])
                    cpio.AddDirectory(d);
                cpio.AddDirectory("tmp", 0b1_111_111_111);
                cpio.AddDirectory("root", 0b111_000_000);
                // The kernel opens /dev/console for init's stdin, stdout and stderr before anything is mounted.
                cpio.AddCharDevice("dev/console", 5, 1, 0b110_000_000);
                cpio.AddCharDevice("dev/null", 1, 3, 0b110_110_110);
                cpio.AddFile("bin/busybox", File.ReadAllBytes(busybox), 0b111_101_101);
                cpio.AddSymlink("bin/sh", "busybox");
                cpio.AddFile("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
                cpio.AddFile("etc/group", "root:x:0:\n");
                cpio.AddFile("etc/hostname", InitScripts.Hostname + "\n");
                cpio.AddFile(InitScripts.SetupPath, SetupScript);
                string modules = $"lib/modules/{manifest.KernelRelease}";
                foreach (string module in manifest.ModulePaths)
                    cpio.AddFile($"{modules}/{module}", File.ReadAllBytes(Path.Combine(moduleDirectory, modules, module)));
                cpio.AddFile($"{modules}/modules.dep", string.Concat(manifest.ModuleLines.Select(line => line + "\n")));
                cpio.AddFile("init", initScript, 0b111_101_101);
                foreach (var (name, contents) in extraFiles ?? new Dictionary<string, byte[]>())
                    cpio.AddFile(name, contents, IsExecutable(contents) ? 0b111_101_101 : 0b110_100_100);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Scripts and ELF programs are made executable; anything else is data.
    private static bool IsExecutable(byte[] contents) => contents.AsSpan().StartsWith("#!"u8) || Loaders.ElfImage.HasElfMagic(contents);

    /// <summary>Names what an initramfs built with <paramref name="init"/> holds besides the cached parts, so that a cached one made by older code is rebuilt.</summary>
    public string Hash(string init) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{Layout}\0{SetupScript}\0{init}")))[..16];

    // Raised whenever Write lays the archive out differently.
    private const int Layout = 1;
}
