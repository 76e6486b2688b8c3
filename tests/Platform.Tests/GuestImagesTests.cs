using System.Buffers.Binary;
using System.Diagnostics;
using Translator.Oracles;
using Translator.Platform.Provisioning;

namespace Translator.Platform.Tests;

/// <summary>
/// Provisions the default guest from Debian's archive into a fresh cache (apt downloads about 45 MB),
/// checks its parts with GNU cpio and boots it under qemu-system-arm.
/// </summary>
[Category("Boot")]
[NonParallelizable]
public sealed class GuestImagesTests
{
    private string cache = "";
    private GuestImages images = null!;
    private GuestImage image = null!;
    private readonly List<string> firstProgress = [];

    [OneTimeSetUp]
    public void ProvisionIntoAFreshCache()
    {
        if (!GnuCpio.Available) Assert.Fail($"{GnuCpio.Tool} is missing: run ./run-tests, which installs cpio");
        cache = Directory.CreateTempSubdirectory("translator-cache-").FullName;
        images = new GuestImages(cache);
        image = images.Provision(new Recorder(firstProgress));
    }

    [OneTimeTearDown]
    public void RemoveTheCache()
    {
        if (cache.Length > 0) Directory.Delete(cache, recursive: true);
    }

    [Test]
    public void KernelIsAZImage()
    {
        Assert.That(firstProgress, Has.Some.StartsWith("downloading"));
        Assert.That(firstProgress, Has.Some.StartsWith("building the initramfs"));
        byte[] header = File.ReadAllBytes(image.KernelPath)[..0x30];
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x24)), Is.EqualTo(0x016F2818u));
        Assert.That(Path.GetFileName(image.KernelPath), Is.EqualTo($"vmlinuz-{image.KernelRelease}"));
        Assert.That(image.CommandLine, Is.EqualTo("console=ttyAMA0"));
        Assert.That(image.Description, Does.Contain(image.KernelRelease).And.Contain("busybox-static"));
    }

    [Test]
    public void InitramfsHoldsInitBusyboxConsoleAndModules()
    {
        var listing = GnuCpio.List(GnuCpio.Gunzip(File.ReadAllBytes(image.InitrdPath)));
        Assert.That(listing.ExitCode, Is.Zero, listing.Error);
        var names = GnuCpio.Names(listing.Output);
        Assert.That(names, Does.Contain("init").And.Contain("bin/busybox").And.Contain("dev/console").And.Contain("dev/null"));
        Assert.That(image.Modules, Does.Contain("kernel/drivers/virtio/virtio_mmio.ko").And.Contain("kernel/drivers/block/virtio_blk.ko"));
        foreach (string module in image.Modules)
            Assert.That(names, Does.Contain($"lib/modules/{image.KernelRelease}/{module}"));
        Assert.That(image.Modules[0], Does.EndWith("virtio_mmio.ko"), "the transport's module comes first");
    }

    [Test]
    public void SecondProvisionIsACacheHit()
    {
        var times = Directory.GetFiles(images.GuestDirectory).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var progress = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var again = new GuestImages(cache).Provision(new Recorder(progress));
        Assert.That(progress, Is.Empty, "a cache hit does no apt work and no build");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(again with { Modules = image.Modules }, Is.EqualTo(image));
        Assert.That(again.Modules, Is.EqualTo(image.Modules));
        foreach (var (file, time) in times) Assert.That(File.GetLastWriteTimeUtc(file), Is.EqualTo(time), file);
    }

    [Test]
    public void TestInitramfsBootsUnderQemuAndPowersOff()
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        string initrd = Path.Combine(cache, "test.cpio.gz"), disk = Path.Combine(cache, "disk.img");
        images.BuildInitramfs(initrd, GuestImages.InitScript("echo TEST: start\n/extra/probe.sh\npoweroff -f"),
            new Dictionary<string, byte[]> { ["/extra/probe.sh"] = "#!/bin/sh\n[ -b /dev/vda ] && echo TEST: vda\ncat /etc/motd\n"u8.ToArray(), ["etc/motd"] = "TEST: motd\n"u8.ToArray() });
        using (var file = File.Create(disk)) file.SetLength(1 << 20);

        var result = QemuLinux.Boot(image.KernelPath, initrd, image.CommandLine, TimeSpan.FromSeconds(120), disk);
        string output = System.Text.Encoding.UTF8.GetString(result.Output);
        Assert.That(result.TimedOut, Is.False, $"QEMU did not power off:\n{output}");
        Assert.That(output, Does.Contain("TEST: start").And.Contain("TEST: vda").And.Contain("TEST: motd"), output);
        Assert.That(result.ExitCode, Is.Zero, "poweroff -f ends QEMU through PSCI SYSTEM_OFF");
    }

    [Test]
    public void DefaultGuestReachesItsShellUnderQemu()
    {
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        var result = QemuLinux.Boot(image.KernelPath, image.InitrdPath, image.CommandLine, TimeSpan.FromSeconds(120), dialogue:
        [
            new(GuestImages.ReadyMarker, ""),
            new("# ", "uname -r; hostname; cat /proc/modules\n"),
            new("# ", "sleep 60 &\n"),
            new("# ", "jobs\n"),
            new("Running", "poweroff\n"),
        ]);
        string output = System.Text.Encoding.UTF8.GetString(result.Output);
        Assert.That(result.TimedOut, Is.False, $"QEMU did not power off:\n{output}");
        string shell = output[output.IndexOf(GuestImages.ReadyMarker, StringComparison.Ordinal)..];
        Assert.That(shell, Does.Contain(image.KernelRelease + "\r\ntranslator\r\n"));
        foreach (string module in image.Modules)
            Assert.That(shell, Does.Contain($"{Path.GetFileNameWithoutExtension(module).Replace('-', '_')} "), "loaded");
        Assert.That(shell, Does.Match(@"\[1\]\+ +Running +sleep 60"), "job control on the console");
        Assert.That(result.ExitCode, Is.Zero, "poweroff (without -f) reaches init's trap and powers off");
    }

    // Progress<T> posts to a synchronisation context; the tests want every message before Provision returns.
    private sealed class Recorder(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }
}
