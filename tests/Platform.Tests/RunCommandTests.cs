using System.Diagnostics;
using Translator.Platform.Cli;

namespace Translator.Platform.Tests;

/// <summary>
/// `translator run` on bare-metal programs assembled here that go wrong in each way a guest can:
/// every one ends with a one-line message naming what happened, a register dump and a non-zero exit
/// code, never a .NET stack trace.
/// </summary>
[Category("Guest")]
public sealed class RunCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"translator-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Err) Translator(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr);
        return (code, stderr.ToString());
    }

    /// <summary>Assembles and links a program at 0x40100000 (RAM of the virt board) with its entry at _start.</summary>
    private string Program(string name, string body)
    {
        string source = Path.Combine(_dir, name + ".S"), obj = Path.Combine(_dir, name + ".o"), elf = Path.Combine(_dir, name + ".elf");
        File.WriteAllText(source, $"        .syntax unified\n        .arm\n        .global _start\n_start:\n{body}\n");
        Tool("arm-none-eabi-as", "-o", obj, source);
        Tool("arm-none-eabi-ld", "-Ttext=0x40100000", "-o", elf, obj);
        return elf;
    }

    private static void Tool(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, $"{tool} failed: {error}");
    }

    private static void AssertReported(int code, string err, string message)
    {
        Assert.That(code, Is.Not.Zero);
        Assert.That(err, Does.Contain(message));
        Assert.That(err, Does.Contain("cpsr 0x"), "no register dump");
        Assert.That(err, Does.Not.Contain("   at "), "a .NET stack trace reached the user");
    }

    [TestCase("jit")]
    [TestCase("interp")]
    public void JumpIntoNowhereIsReported(string engine)
    {
        var (code, err) = Translator("run", "--kernel", Program("nowhere", "        ldr pc, =0x20000000"), "--engine", engine);
        AssertReported(code, err, "jump into nowhere: no RAM at 0x20000000");
    }

    [TestCase("jit")]
    [TestCase("interp")]
    public void AccessToUnmappedMemoryIsReported(string engine)
    {
        var (code, err) = Translator("run", "--kernel", Program("unmapped", "        ldr r0, =0x30000000\n        ldr r1, [r0]"), "--engine", engine);
        AssertReported(code, err, "data abort");
        Assert.That(err, Does.Contain("0x30000000"));
    }

    [Test]
    public void UnknownDeviceRegisterIsReported()
    {
        var (code, err) = Translator("run", "--kernel", Program("device", "        ldr r0, =0x09000800\n        ldr r1, [r0]"));
        AssertReported(code, err, "no PL011 register at offset 0x800");
    }

    [Test]
    public void InstructionBudgetStopsAnEndlessLoop()
    {
        var (code, err) = Translator("run", "--kernel", Program("loop", "1:      add r0, r0, #1\n        b 1b"), "--max-insns", "1000000", "--stats");
        Assert.That(code, Is.EqualTo(3));
        Assert.That(err, Does.Contain("stopped after"));
        Assert.That(err, Does.Contain("MIPS"));
    }

    [Test]
    public void UnknownOptimisationIsRefused()
    {
        var (code, err) = Translator("run", "--kernel", Program("nothing", "        b ."), "--disable", "everything");
        Assert.That(code, Is.Not.Zero);
        Assert.That(err, Does.Contain("everything"));
    }

    [Test]
    public void MissingKernelIsOneLine()
    {
        var (code, err) = Translator("run", "--kernel", Path.Combine(_dir, "absent.elf"));
        Assert.That(code, Is.Not.Zero);
        Assert.That(err.Trim(), Does.Contain("no such file").And.Not.Contain("\n"));
    }

    [Test]
    public void TruncatedElfIsOneLine()
    {
        string elf = Program("whole", "        b .");
        string cut = Path.Combine(_dir, "cut.elf");
        File.WriteAllBytes(cut, File.ReadAllBytes(elf)[..40]);
        var (code, err) = Translator("run", "--kernel", cut);
        Assert.That(code, Is.Not.Zero);
        Assert.That(err.Trim(), Does.StartWith("translator:").And.Contain("cut.elf").And.Not.Contain("\n"));
    }

    /// <summary>A bad kernel, initrd, DTB, drive or firmware argument: one line naming the file and what is wrong, and exit code 1.</summary>
    [TestCase("kernel-truncated-zimage", "zImage truncated")]
    [TestCase("kernel-gzip", "not a kernel image: this is gzip-compressed data")]
    [TestCase("kernel-empty", "not a kernel image: this is an empty file")]
    [TestCase("initrd-text", "not an initramfs")]
    [TestCase("dtb-garbage", "not a device tree blob")]
    [TestCase("drive-missing", "no such file")]
    [TestCase("drive-bad-format", "only raw images are supported")]
    [TestCase("bios-and-kernel", "--kernel and --bios together")]
    public void BadBootFilesGetOneLineNamingTheFile(string which, string message)
    {
        string kernel = Path.Combine(_dir, "zImage"), file = Path.Combine(_dir, which);
        // A zImage header (magic at 0x24) that claims more bytes than the file has, or a good one of 4 KiB.
        var image = new byte[4096];
        BitConverter.GetBytes(0x016F2818u).CopyTo(image, 0x24);
        BitConverter.GetBytes(which == "kernel-truncated-zimage" ? 1u << 20 : 4096u).CopyTo(image, 0x2C);
        File.WriteAllBytes(kernel, image);
        string[] args = which switch
        {
            "kernel-truncated-zimage" => ["--kernel", kernel],
            "kernel-gzip" => ["--kernel", Write(file, [0x1F, 0x8B, 8, 0, 0, 0, 0, 0])],
            "kernel-empty" => ["--kernel", Write(file, [])],
            "initrd-text" => ["--kernel", kernel, "--initrd", Write(file, "just some text\n"u8.ToArray())],
            "dtb-garbage" => ["--kernel", kernel, "--dtb", Write(file, new byte[64])],
            "drive-missing" => ["--kernel", kernel, "--drive", $"file={file}"],
            "drive-bad-format" => ["--kernel", kernel, "--drive", $"file={Write(file, new byte[512])},format=qcow2"],
            _ => ["--kernel", kernel, "--bios", Write(file, new byte[64])],
        };
        var (code, err) = Translator(["run", .. args, "--timeout", "5"]);
        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(err.Trim(), Does.StartWith("translator: error:").And.Contain(message).And.Not.Contain("\n"));
        if (which != "bios-and-kernel") Assert.That(err, Does.Contain(which.StartsWith("kernel-truncated", StringComparison.Ordinal) ? kernel : file));
    }

    [Test]
    public void DumpDtbWritesTheTreeTheGuestWouldGet()
    {
        string kernel = Path.Combine(_dir, "zImage"), initrd = Path.Combine(_dir, "initrd"), dtb = Path.Combine(_dir, "out.dtb");
        var image = new byte[4096];
        BitConverter.GetBytes(0x016F2818u).CopyTo(image, 0x24);
        BitConverter.GetBytes(4096u).CopyTo(image, 0x2C);
        File.WriteAllBytes(kernel, image);
        File.WriteAllBytes(initrd, [.. "070701"u8, .. new byte[506]]);
        var (code, err) = Translator("run", "--kernel", kernel, "--initrd", initrd, "--append", "console=ttyAMA0 quiet", "--dump-dtb", dtb);
        Assert.That(code, Is.Zero, err);
        var dts = Oracles.Dtc.Decompile(File.ReadAllBytes(dtb));
        Assert.That(dts.ExitCode, Is.Zero, dts.Messages);
        // The initrd goes at RAM + 128 MiB for the default 256 MiB, as QEMU places it.
        Assert.That(dts.Text, Does.Contain("bootargs = \"console=ttyAMA0 quiet\";")
            .And.Contain("linux,initrd-start = <0x48000000>;").And.Contain("linux,initrd-end = <0x48000200>;")
            .And.Contain("pl011@9000000").And.Contain("virtio_mmio@a003e00"));
    }

    private static string Write(string path, byte[] contents)
    {
        File.WriteAllBytes(path, contents);
        return path;
    }
}
