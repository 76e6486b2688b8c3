using System.Diagnostics;
using System.Text.RegularExpressions;
using Translator.Platform.Cli;

namespace Translator.Platform.Tests;

/// <summary>`translator disasm` against `arm-none-eabi-objdump` on files assembled here, and its errors on bad input.</summary>
[Category("Oracle")]
public sealed partial class DisasmCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"translator-disasm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Translator(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Tool(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, $"{tool} {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private static string[] Lines(string listing) =>
        listing.Split('\n').Select(l => Blanks().Replace(l, " ").Trim()).Where(l => l.Length > 0).ToArray();

    private const string Program = """
            .syntax unified
            .arm
            .text
            .global _start
        _start:
            ldr   r0, =0x12345678
            mov   r1, #0
            bl    helper
            adds  r2, r1, r0, lsl #3
            b     _start
        helper:
            push  {r4, lr}
            cmp   r0, #16
            movne r4, r0
            pop   {r4, pc}
            .ltorg
        after_pool:
            bx    lr
        """;

    [Test]
    public void ElfListingMatchesObjdump()
    {
        File.WriteAllText(Path.Combine(_dir, "prog.s"), Program);
        Tool("arm-none-eabi-as", "-o", "prog.o", "prog.s");
        Tool("arm-none-eabi-ld", "-Ttext=0x40100000", "-o", "prog.elf", "prog.o");
        string theirs = Tool("arm-none-eabi-objdump", "-d", "prog.elf");
        var (code, ours, err) = Translator("disasm", Path.Combine(_dir, "prog.elf"));
        Assert.That(code, Is.Zero, err);
        Assert.That(Lines(ours), Is.EqualTo(Lines(theirs)));
    }

    [Test]
    public void RawListingMatchesObjdump()
    {
        var rng = new Random(7);
        var bytes = new byte[4 * 64];
        rng.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(_dir, "raw.bin"), bytes);
        string theirs = Tool("arm-none-eabi-objdump", "-D", "-b", "binary", "-marm", "raw.bin");
        var (code, ours, err) = Translator("disasm", Path.Combine(_dir, "raw.bin"));
        Assert.That(code, Is.Zero, err);
        // The instruction text itself is the decoder's business (the objdump differential tests);
        // here the layout must match: header, label and address columns.
        var o = Lines(ours).Select(l => l.Split(' ')[0]).ToArray();
        var t = Lines(theirs).Select(l => l.Split(' ')[0]).ToArray();
        Assert.That(o, Is.EqualTo(t));
    }

    /// <summary>
    /// Thumb code calling ARM code through BLX, with literal pools and odd-sized data in the code
    /// ($t, $a and $d mapping symbols), Thumb function symbols with bit 0 set.
    /// </summary>
    private const string ThumbProgram = """
        int table[4] = {1, 2, 3, 4};
        typedef int (*fn)(int, int);

        __attribute__((target("arm"), noinline)) int arm_add(int a, int b) { return a + b * 3 + 0x12345; }

        __attribute__((noinline)) int helper(int x, int y)
        {
            if (x > 3) return x - y;
            return table[x & 3] + 0x12345678;
        }

        __asm__(".text\n.thumb\n.global tail\n.type tail, %function\ntail:\n  bx lr\n  .byte 1, 2, 3\n  .align 1\n"
                "  .short 0x1234\n  .align 2\n  .word 0xdeadbeef\n  movs r0, #1\n  bx lr\n");

        int _start(void)
        {
            volatile fn f = helper, g = arm_add;
            int s = 0;
            for (int i = 0; i < 10; i++) s += f(i, s) > 5 ? g(i, s) : (s >> 3);
            return s;
        }
        """;

    [Test]
    public void ThumbElfListingMatchesObjdump()
    {
        File.WriteAllText(Path.Combine(_dir, "thumb.c"), ThumbProgram);
        // ARMv5T keeps the Thumb code to 16-bit instructions; the T32 text is the Thumb differential's business.
        Tool("arm-none-eabi-gcc", "-mthumb", "-march=armv5t", "-mthumb-interwork", "-O2", "-nostdlib", "-Wl,-Ttext=0x8000", "-o", "thumb.elf", "thumb.c");
        string theirs = Tool("arm-none-eabi-objdump", "-d", "thumb.elf");
        var (code, ours, err) = Translator("disasm", Path.Combine(_dir, "thumb.elf"));
        Assert.That(code, Is.Zero, err);
        Assert.That(ours, Is.EqualTo(theirs));
        Assert.That(theirs, Does.Contain("\tblx\t").And.Contain("\t.word\t").And.Contain("\t.byte\t").And.Contain("<arm_add>:"));
    }

    [Test]
    public void RawThumbListingMatchesObjdump()
    {
        // 16-bit instructions, an eighth of them IT instructions, so that many lie in IT blocks.
        var rng = new Random(11);
        var code = new List<byte>();
        for (int k = 0; k < 2000; k++)
        {
            int hw = rng.Next(8) == 0 ? 0xBF00 | rng.Next(16) << 4 | rng.Next(1, 16) : rng.Next(0xE800);
            code.AddRange(BitConverter.GetBytes((ushort)hw));
        }
        string path = Path.Combine(_dir, "thumb.bin");
        File.WriteAllBytes(path, [.. code]);
        string theirs = Tool("arm-none-eabi-objdump", "-D", "-b", "binary", "-marm", "-M", "force-thumb", "thumb.bin");
        var (exit, ours, err) = Translator("disasm", path, "--isa", "t32");
        Assert.That(exit, Is.Zero, err);
        Assert.That(ours, Is.EqualTo(theirs));

        // Windows that start anywhere, inside IT blocks too: the IT state is recovered as objdump guesses it.
        for (int start = 0x100; start < 0x140; start += 2)
        {
            string window = Tool("arm-none-eabi-objdump", "-D", "-b", "binary", "-marm", "-M", "force-thumb",
                $"--start-address={start}", $"--stop-address={start + 24}", "thumb.bin");
            var (_, part, _) = Translator("disasm", path, "--isa", "t32", "--start", $"{start}", "--length", "24");
            Assert.That(part, Is.EqualTo(window), $"window at 0x{start:x}");
        }
    }

    [Test]
    public void StartAndLengthSelectAWindow()
    {
        File.WriteAllBytes(Path.Combine(_dir, "nops.bin"), Enumerable.Repeat(new byte[] { 0x00, 0x00, 0xa0, 0xe1 }, 16).SelectMany(b => b).ToArray());
        var (code, ours, _) = Translator("disasm", Path.Combine(_dir, "nops.bin"), "--base", "0x8000", "--start", "0x8010", "--length", "8");
        Assert.That(code, Is.Zero);
        var addresses = ours.Split('\n').Where(l => l.Contains(":\t")).Select(l => l.Split(':')[0].Trim()).ToArray();
        Assert.That(addresses, Is.EqualTo(new[] { "8010", "8014" }));
    }

    private static readonly byte[] ElfHeaderStart = [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0];

    public static IEnumerable<TestCaseData> BadFiles()
    {
        yield return new TestCaseData(ElfHeaderStart, "truncated ELF header").SetName("Truncated header");
        var header = new byte[52];
        ElfHeaderStart.CopyTo(header, 0);
        header[18] = 3; // EM_386
        yield return new TestCaseData(header, "not ARM").SetName("Wrong machine");
        var past = new byte[52];
        ElfHeaderStart.CopyTo(past, 0);
        past[18] = 40;
        BitConverter.TryWriteBytes(past.AsSpan(32), 0x1000u); // section headers past the end
        past[46] = 40; past[48] = 3;
        yield return new TestCaseData(past, "section header table").SetName("Section table past the end");
        var elf64 = new byte[64];
        ElfHeaderStart.CopyTo(elf64, 0);
        elf64[4] = 2;
        yield return new TestCaseData(elf64, "not a 32-bit ELF").SetName("ELF64");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void MalformedElfGivesOneLineError(byte[] contents, string expected)
    {
        string path = Path.Combine(_dir, "bad.elf");
        File.WriteAllBytes(path, contents);
        var (code, _, err) = Translator("disasm", path);
        Assert.That(code, Is.Not.Zero);
        var lines = err.Trim().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1), err);
        Assert.That(lines[0], Does.StartWith("translator: error: ").And.Contain(path).And.Contain(expected));
    }

    [Test]
    public void MissingFileGivesOneLineError()
    {
        var (code, _, err) = Translator("disasm", Path.Combine(_dir, "absent.bin"));
        Assert.That(code, Is.Not.Zero);
        Assert.That(err.Trim(), Does.StartWith("translator: error: ").And.Contain("no such file"));
    }

    [TestCase("--start", "0xzz")]
    [TestCase("--base", "-1")]
    public void BadAddressGivesOneLineError(string option, string value)
    {
        File.WriteAllBytes(Path.Combine(_dir, "x.bin"), new byte[8]);
        var (code, _, err) = Translator("disasm", Path.Combine(_dir, "x.bin"), option, value);
        Assert.That(code, Is.Not.Zero);
        Assert.That(err.Trim(), Does.StartWith("translator: error: ").And.Contain(option));
    }

    [Test]
    public void UnknownOptionAndIsaAreRejected()
    {
        File.WriteAllBytes(Path.Combine(_dir, "x.bin"), new byte[8]);
        Assert.That(Translator("disasm", Path.Combine(_dir, "x.bin"), "--frobnicate").Code, Is.Not.Zero);
        Assert.That(Translator("disasm", Path.Combine(_dir, "x.bin"), "--isa", "mips").Code, Is.Not.Zero);
        Assert.That(Translator("nosuchverb").Code, Is.Not.Zero);
    }

    [Test]
    public void VersionIsTheAssemblyVersion()
    {
        var (code, output, _) = Translator("--version");
        Assert.That(code, Is.Zero);
        Assert.That(output.Trim(), Does.StartWith(typeof(CommandLine).Assembly.GetName().Version!.ToString(3)));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}
