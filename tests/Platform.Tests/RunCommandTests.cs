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
}
