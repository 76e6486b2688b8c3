using System.Buffers.Binary;

namespace Translator.Platform.Provisioning;

/// <summary>
/// The default Linux guest, built from Debian's own armhf packages on first use and cached: the
/// armmp kernel's zImage, and an initramfs holding busybox-static, the virtio modules and an /init
/// that ends in a shell on the console. Later calls find the cache and touch neither apt nor the
/// initramfs; deleting <see cref="GuestDirectory"/> provisions afresh (for example for a newer kernel).
/// </summary>
public sealed class GuestImages
{
    /// <summary>The line the default /init prints once the guest is set up, just before its shell starts.</summary>
    public const string ReadyMarker = InitScripts.ReadyMarker;

    /// <summary>The script in every initramfs built here that mounts proc, sysfs and devtmpfs, installs busybox's applets and loads the modules; an init sources it.</summary>
    public const string SetupScriptPath = InitScripts.SetupPath;

    /// <summary>As QEMU's virt board is booted: the console on the first PL011.</summary>
    public const string DefaultCommandLine = "console=ttyAMA0";

    /// <summary>The modules the guest loads, unless Debian builds them in: the virtio transport the virt board has, its disk, and its entropy source.</summary>
    public static readonly IReadOnlyList<string> ModuleNames = ["virtio_mmio", "virtio_blk", "virtio_rng"];

    private const string KernelMetapackage = "linux-image-armmp";
    private const string BusyboxPackage = "busybox-static";
    private const uint ZImageMagic = 0x016F2818;
    private const int ZImageMagicOffset = 0x24;

    /// <param name="cacheDirectory">Where guests are cached; by default $TRANSLATOR_CACHE, else $XDG_CACHE_HOME/translator, else ~/.cache/translator.</param>
    public GuestImages(string? cacheDirectory = null)
    {
        CacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory());
        GuestDirectory = Path.Combine(CacheDirectory, "debian-armhf");
    }

    public string CacheDirectory { get; }

    /// <summary>Where this guest's files are: the kernel, initrd.cpio.gz, busybox, the modules under lib/ and the manifest.</summary>
    public string GuestDirectory { get; }

    private string ManifestPath => Path.Combine(GuestDirectory, "manifest");
    private string InitrdPath => Path.Combine(GuestDirectory, "initrd.cpio.gz");
    private string BusyboxPath => Path.Combine(GuestDirectory, "busybox");

    public static string DefaultCacheDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable("TRANSLATOR_CACHE");
        if (!string.IsNullOrEmpty(configured)) return configured;
        // The XDG base directory specification ignores relative paths.
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "translator");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "translator");
    }

    /// <summary>An init script for <see cref="BuildInitramfs"/> that sources the common setup and then runs <paramref name="commands"/> (shell lines).</summary>
    public static string InitScript(string commands) => InitScripts.WithSetup(commands);

    /// <summary>The default guest's init: the setup, the ready marker, a job-control shell on the console; leaving it powers off.</summary>
    public static string DefaultInit => InitScripts.DefaultInit;

    /// <summary>The default guest, provisioned on the first call (apt downloads and an initramfs build, reported through <paramref name="progress"/>), from the cache afterwards.</summary>
    /// <exception cref="ProvisioningException">apt or dpkg is missing or failed, or a package lacks what the guest needs.</exception>
    public GuestImage Provision(IProgress<string>? progress = null)
    {
        if (Cached() is { } hit) return hit;
        Directory.CreateDirectory(GuestDirectory);
        using var cacheLock = CacheLock.Acquire(Path.Combine(CacheDirectory, "debian-armhf.lock"), progress);
        if (Cached() is { } madeMeanwhile) return madeMeanwhile;

        var manifest = CompleteParts() ?? FetchParts(progress);
        var builder = Builder(manifest);
        progress?.Report("building the initramfs");
        builder.Write(InitrdPath, InitScripts.DefaultInit);
        manifest = manifest with { InitramfsHash = builder.Hash(InitScripts.DefaultInit) };
        manifest.Write(ManifestPath);
        progress?.Report($"guest ready in {GuestDirectory}");
        return ToImage(manifest);
    }

    /// <summary>
    /// Writes an initramfs like the default guest's (busybox, modules, <see cref="SetupScriptPath"/>) whose
    /// /init is <paramref name="initScript"/>, plus <paramref name="extraFiles"/> (path in the guest → contents;
    /// scripts starting with #! and ELF files are made executable). Provisions the guest first if needed.
    /// </summary>
    public void BuildInitramfs(string path, string initScript, IReadOnlyDictionary<string, byte[]>? extraFiles = null)
    {
        Provision();
        var manifest = CompleteParts() ?? throw new ProvisioningException($"the guest cache in {GuestDirectory} changed while in use");
        Builder(manifest).Write(path, initScript, extraFiles);
    }

    private GuestImage? Cached()
    {
        var manifest = CompleteParts();
        if (manifest is null || !File.Exists(InitrdPath)) return null;
        return manifest.InitramfsHash == Builder(manifest).Hash(InitScripts.DefaultInit) ? ToImage(manifest) : null;
    }

    /// <summary>The manifest, when it is current and every part it names is there.</summary>
    private GuestManifest? CompleteParts()
    {
        var manifest = GuestManifest.TryRead(ManifestPath);
        if (manifest is null || manifest.Format != GuestManifest.CurrentFormat || manifest.KernelRelease.Length == 0) return null;
        bool complete = File.Exists(KernelPath(manifest.KernelRelease)) && File.Exists(BusyboxPath)
            && manifest.ModulePaths.All(m => File.Exists(Path.Combine(GuestDirectory, "lib", "modules", manifest.KernelRelease, m)));
        return complete ? manifest : null;
    }

    private GuestManifest FetchParts(IProgress<string>? progress)
    {
        File.Delete(ManifestPath);
        var archive = new DebianArchive(progress);
        archive.EnsureArchitecture();
        progress?.Report($"resolving {KernelMetapackage}:{DebianArchive.Architecture}");
        string kernelPackage = archive.ResolveDependency(KernelMetapackage, "linux-image-");

        string staging = Path.Combine(GuestDirectory, "staging");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var debs = archive.Download(staging, [kernelPackage, BusyboxPackage]);
            string kernelVersion = DebianArchive.Field(debs[0], "Version"), busyboxVersion = DebianArchive.Field(debs[1], "Version");
            string kernelTree = Path.Combine(staging, "kernel"), busyboxTree = Path.Combine(staging, "busybox");
            archive.Extract(debs[0], kernelTree);
            archive.Extract(debs[1], busyboxTree);

            var kernels = Directory.Exists(Path.Combine(kernelTree, "boot")) ? Directory.GetFiles(Path.Combine(kernelTree, "boot"), "vmlinuz-*") : [];
            if (kernels.Length != 1) throw new ProvisioningException($"{kernelPackage} {kernelVersion} holds {kernels.Length} boot/vmlinuz-* files, not one");
            string release = Path.GetFileName(kernels[0])["vmlinuz-".Length..];
            if (!IsZImage(kernels[0])) throw new ProvisioningException($"{kernelPackage}'s boot/vmlinuz-{release} is not an ARM zImage (no magic 0x{ZImageMagic:x8} at 0x{ZImageMagicOffset:x})");
            string busybox = Path.Combine(busyboxTree, "bin", "busybox");
            if (!File.Exists(busybox)) throw new ProvisioningException($"{BusyboxPackage} {busyboxVersion} has no bin/busybox");
            string moduleTree = Path.Combine(kernelTree, "lib", "modules", release);
            if (!Directory.Exists(Path.Combine(moduleTree, "kernel"))) throw new ProvisioningException($"{kernelPackage} has no lib/modules/{release}/kernel");

            progress?.Report($"picking the modules {string.Join(", ", ModuleNames)} (dependencies first, built-in ones left out)");
            var modules = KernelModules.Resolve(moduleTree, ModuleNames);

            foreach (string old in Directory.GetFiles(GuestDirectory, "vmlinuz-*")) File.Delete(old);
            string cachedModules = Path.Combine(GuestDirectory, "lib");
            if (Directory.Exists(cachedModules)) Directory.Delete(cachedModules, recursive: true);
            File.Copy(kernels[0], KernelPath(release), overwrite: true);
            File.Copy(busybox, BusyboxPath, overwrite: true);
            foreach (var module in modules)
            {
                string target = Path.Combine(GuestDirectory, "lib", "modules", release, module.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, module.Contents);
            }
            var manifest = new GuestManifest(GuestManifest.CurrentFormat, kernelPackage, kernelVersion, release, busyboxVersion,
                modules.Select(m => m.DepLine).ToArray(), InitramfsHash: "");
            manifest.Write(ManifestPath);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private InitramfsBuilder Builder(GuestManifest manifest) => new(BusyboxPath, GuestDirectory, manifest);

    private string KernelPath(string release) => Path.Combine(GuestDirectory, $"vmlinuz-{release}");

    private GuestImage ToImage(GuestManifest manifest) => new(
        KernelPath(manifest.KernelRelease),
        InitrdPath,
        DefaultCommandLine,
        manifest.KernelRelease,
        $"Debian {manifest.KernelPackage} {manifest.KernelVersion} with {BusyboxPackage} {manifest.BusyboxVersion} ({DebianArchive.Architecture})",
        manifest.ModulePaths.ToArray());

    private static bool IsZImage(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        file.Position = ZImageMagicOffset;
        return file.Read(magic) == 4 && BinaryPrimitives.ReadUInt32LittleEndian(magic) == ZImageMagic;
    }
}
