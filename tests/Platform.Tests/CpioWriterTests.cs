using System.IO.Compression;
using System.Text;
using Translator.Oracles;
using Translator.Platform.Provisioning;

namespace Translator.Platform.Tests;

/// <summary>Archives written by <see cref="CpioWriter"/>, listed and extracted by GNU cpio.</summary>
[Category("Oracle")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // GNU cpio and Unix modes
public sealed class CpioWriterTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 17, 12, 34, 0, TimeSpan.Zero);

    [OneTimeSetUp]
    public void RequireCpio()
    {
        if (!GnuCpio.Available) Assert.Fail($"{GnuCpio.Tool} is missing: run ./run-tests, which installs cpio");
    }

    [Test]
    public void GnuCpioListsEveryKindOfEntryWithItsModeAndTarget()
    {
        var listing = GnuCpio.List(Write(gzip: false, Sample));
        Assert.That(listing.ExitCode, Is.Zero, listing.Error);
        Assert.That(listing.Error, Is.Empty);
        var lines = listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => GnuCpio.NameField(line), line => line);

        Assert.That(lines.Keys, Is.EqualTo(new[]
        {
            "bin", "bin/busybox", "bin/sh", "etc", "etc/motd", "tmp", "dev", "dev/console", "dev/null", "dev/vda", "init",
        }));
        Assert.That(lines["bin"], Does.StartWith("drwxr-xr-x "));
        Assert.That(lines["tmp"], Does.StartWith("drwxrwxrwt "));
        Assert.That(lines["bin/busybox"], Does.Match(@"^-rwxr-xr-x +1 0 +0 +5 "));
        Assert.That(lines["etc/motd"], Does.Match(@"^-rw-r--r-- +1 0 +0 +6 "));
        Assert.That(GnuCpio.NameField(lines["bin/sh"], withTarget: true), Is.EqualTo("bin/sh -> busybox"));
        Assert.That(lines["bin/sh"], Does.StartWith("lrwxrwxrwx "));
        Assert.That(lines["dev/console"], Does.Match(@"^crw------- +1 0 +0 +5, +1 "));
        Assert.That(lines["dev/null"], Does.Match(@"^crw-rw-rw- +1 0 +0 +1, +3 "));
        Assert.That(lines["dev/vda"], Does.Match(@"^brw-rw---- +1 0 +0 +254, +0 "));
        Assert.That(lines["init"], Does.Contain(" May 17  2024 init"));
    }

    [Test]
    public void GnuCpioExtractsNamesContentsModesLinksAndTimes([Values] bool gzip)
    {
        byte[] archive = Write(gzip, Sample);
        if (gzip) archive = GnuCpio.Gunzip(archive);
        string directory = Directory.CreateTempSubdirectory("cpio-").FullName;
        try
        {
            // Creating device nodes needs root; the listing test checks them.
            var result = GnuCpio.Extract(archive, directory, except: "dev/*");
            Assert.That(result.ExitCode, Is.Zero, result.Error);

            Assert.That(File.ReadAllText(Path.Combine(directory, "init")), Is.EqualTo("#!/bin/sh\necho hi\n"));
            Assert.That(File.ReadAllBytes(Path.Combine(directory, "bin/busybox")), Is.EqualTo(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 1 }));
            Assert.That(File.ReadAllText(Path.Combine(directory, "etc/motd")), Is.EqualTo("hello\n"));
            Assert.That(File.GetUnixFileMode(Path.Combine(directory, "init")), Is.EqualTo(Mode("rwxr-xr-x")));
            Assert.That(File.GetUnixFileMode(Path.Combine(directory, "etc/motd")), Is.EqualTo(Mode("rw-r--r--")));
            Assert.That(new FileInfo(Path.Combine(directory, "bin/sh")).LinkTarget, Is.EqualTo("busybox"));
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(directory, "etc/motd")), Is.EqualTo(Time.UtcDateTime));
            Assert.That(Directory.Exists(Path.Combine(directory, "tmp")), Is.True);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every combination of name and data length modulo 4, so that a padding error shows as junk or a wrong name.</summary>
    [Test]
    public void PaddingIsRightForEveryNameAndDataLength()
    {
        var expected = new Dictionary<string, string>();
        byte[] archive = Write(gzip: false, cpio =>
        {
            for (int nameLength = 1; nameLength <= 4; nameLength++)
                for (int dataLength = 0; dataLength <= 4; dataLength++)
                {
                    string name = $"p/{new string((char)('a' + dataLength), nameLength)}";
                    string contents = new('x', dataLength);
                    cpio.AddFile(name, contents);
                    expected[name] = contents;
                }
        });
        string directory = Directory.CreateTempSubdirectory("cpio-").FullName;
        try
        {
            var result = GnuCpio.Extract(archive, directory);
            Assert.That(result.ExitCode, Is.Zero, result.Error);
            Assert.That(result.Error, Is.Empty);
            foreach (var (name, contents) in expected)
                Assert.That(File.ReadAllText(Path.Combine(directory, name)), Is.EqualTo(contents), name);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void ParentsComeBeforeTheirChildrenAndOnlyOnce()
    {
        var listing = GnuCpio.List(Write(gzip: false, cpio =>
        {
            cpio.AddFile("/lib/modules/6.1/kernel/a.ko", "a");
            cpio.AddFile("lib/modules/6.1/kernel/b.ko", "b");
            cpio.AddDirectory("lib/modules", 0b111_000_000); // already there: unchanged
        }));
        Assert.That(GnuCpio.Names(listing.Output), Is.EqualTo(new[]
        {
            "lib", "lib/modules", "lib/modules/6.1", "lib/modules/6.1/kernel", "lib/modules/6.1/kernel/a.ko", "lib/modules/6.1/kernel/b.ko",
        }));
    }

    [Test]
    public void ArchiveEndsWithTheTrailerOnAFourByteBoundary()
    {
        byte[] archive = Write(gzip: false, Sample);
        Assert.That(archive.Length % 4, Is.Zero);
        string tail = Encoding.ASCII.GetString(archive, archive.Length - 124, 124);
        Assert.That(tail, Does.StartWith("070701"));
        Assert.That(tail, Does.Contain("TRAILER!!!\0"));
    }

    [Test]
    public void DuplicatesAndBadNamesAreRefused()
    {
        using var cpio = new CpioWriter(new MemoryStream());
        cpio.AddFile("init", "x");
        Assert.Throws<InvalidOperationException>(() => cpio.AddSymlink("init", "busybox"));
        Assert.Throws<ArgumentException>(() => cpio.AddFile("../etc/passwd", "x"));
        Assert.Throws<ArgumentException>(() => cpio.AddFile("/", "x"));
        cpio.Finish();
        Assert.Throws<InvalidOperationException>(() => cpio.AddFile("late", "x"));
    }

    private static void Sample(CpioWriter cpio)
    {
        cpio.AddDirectory("bin");
        cpio.AddFile("bin/busybox", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 1 }, 0b111_101_101);
        cpio.AddSymlink("bin/sh", "busybox");
        cpio.AddFile("etc/motd", "hello\n");
        cpio.AddDirectory("tmp", 0b1_111_111_111);
        cpio.AddCharDevice("dev/console", 5, 1);
        cpio.AddCharDevice("dev/null", 1, 3, 0b110_110_110);
        cpio.AddBlockDevice("dev/vda", 254, 0, 0b110_110_000);
        cpio.AddFile("init", "#!/bin/sh\necho hi\n", 0b111_101_101);
    }

    private static byte[] Write(bool gzip, Action<CpioWriter> fill)
    {
        var output = new MemoryStream();
        Stream target = gzip ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : output;
        using (var cpio = new CpioWriter(target, Time, leaveOpen: !gzip))
            fill(cpio);
        return output.ToArray();
    }

    private static UnixFileMode Mode(string rwx)
    {
        UnixFileMode mode = 0;
        for (int k = 0; k < 9; k++)
            if (rwx[k] != '-') mode |= (UnixFileMode)(1 << (8 - k));
        return mode;
    }
}
