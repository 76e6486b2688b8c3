using Translator.Oracles;
using Translator.Platform.DeviceTree;
using Translator.Platform.Loaders;

namespace Translator.Platform.Tests;

/// <summary>
/// The DTB writer and reader against dtc (Debian's device-tree-compiler): what we write dtc reads
/// silently and as we meant it; what dtc writes we read and write again to the same tree; malformed
/// blobs give a one-line <see cref="ImageFormatException"/>, never another exception.
/// </summary>
public sealed class DeviceTreeVsDtcTests
{
    [OneTimeSetUp]
    public void RequireTools() => RequireDtc();

    internal static void RequireDtc()
    {
        if (!Dtc.Available) Assert.Fail($"{Dtc.Tool} is missing: run ./run-tests, which installs device-tree-compiler");
    }

    /// <summary>dtc's text of a blob, which dtc must read without a message.</summary>
    internal static string Decompiled(byte[] dtb)
    {
        var result = Dtc.Decompile(dtb);
        Assert.That(result.ExitCode, Is.Zero, $"dtc rejected the blob: {result.Messages}");
        Assert.That(result.Messages, Is.Empty, "dtc had something to say about the blob");
        return result.Text;
    }

    /// <summary>QEMU's tree for the board, as dumped from qemu-system-arm 7.2 (the project's copy in docs/reference).</summary>
    internal static string ReferenceDts()
    {
        string path = Path.Combine(GuestPrograms.SourceRoot(), "docs", "reference", "qemu-virt-cortex-a15.dts");
        if (!File.Exists(path)) Assert.Fail($"the reference device tree {path} is missing");
        return File.ReadAllText(path);
    }

    public static IEnumerable<TestCaseData> VirtOptions()
    {
        yield return new TestCaseData(new VirtDeviceTreeOptions()).SetName("virt, defaults");
        yield return new TestCaseData(new VirtDeviceTreeOptions { BootArgs = "console=ttyAMA0 root=/dev/vda rw", Initrd = (0x4800_0000u, 0x480d_c862u) }).SetName("virt, bootargs and initrd");
        yield return new TestCaseData(new VirtDeviceTreeOptions { RamSize = 3UL << 30, VirtioTransports = 0, Flash = false }).SetName("virt, 3 GiB, no virtio, no flash");
    }

    [TestCaseSource(nameof(VirtOptions))]
    public void DtcReadsOurVirtTreeWithoutAWord(VirtDeviceTreeOptions options) =>
        Assert.That(Decompiled(VirtDeviceTree.BuildBlob(options)), Does.StartWith("/dts-v1/;"));

    [TestCaseSource(nameof(VirtOptions))]
    public void ReadingWhatWeWriteGivesTheSameTree(VirtDeviceTreeOptions options)
    {
        var tree = VirtDeviceTree.Build(options);
        Assert.That(FdtReader.Read(FdtWriter.Write(tree)).Root.SameAs(tree), Is.True);
    }

    /// <summary>A tree that exercises padding (values of 0 to 5 bytes), shared names, reservations and the boot CPU id.</summary>
    private static FlattenedDeviceTree Awkward()
    {
        var root = new DeviceTreeNode("").SetU32("#address-cells", 1).SetU32("#size-cells", 1).SetString("model", "awkward");
        var a = root.AddChild("a@1").SetCells("reg", 1, 2).SetEmpty("empty");
        for (int n = 1; n <= 5; n++) a.Set($"bytes{n}", [.. Enumerable.Range(0xA0, n).Select(b => (byte)b)]);
        a.AddChild("b").SetString("model", "").AddChild("c,d_e+f.g-h").SetStrings("compatible", "x", "", "y");
        root.AddChild("z").SetU64("big", 0x1234_5678_9ABC_DEF0).SetEmpty("empty");
        var tree = new FlattenedDeviceTree(root) { BootCpuId = 3 };
        tree.Reservations.Add(new MemoryReservation(0x4800_0000, 0x10_0000));
        tree.Reservations.Add(new MemoryReservation(0x1_0000_0000, 0x1000));
        return tree;
    }

    [Test]
    public void AwkwardTreeGoesThroughDtcAndBack()
    {
        var tree = Awkward();
        byte[] ours = FdtWriter.Write(tree);
        var again = FdtReader.Read(ours);
        Assert.That(again.Root.SameAs(tree.Root), Is.True, "our own reader");
        Assert.That(again.Reservations, Is.EqualTo(tree.Reservations));
        Assert.That(again.BootCpuId, Is.EqualTo(3));

        string text = Decompiled(ours);
        Assert.That(text, Does.Contain("/memreserve/\t0x0000000048000000 0x0000000000100000;"));
        var dtcBlob = Dtc.Compile(text, "-b", "3");
        Assert.That(dtcBlob.ExitCode, Is.Zero, dtcBlob.Messages);
        var fromDtc = FdtReader.Read(dtcBlob.Output);
        Assert.That(fromDtc.Root.SameAs(tree.Root), Is.True, "dtc's blob of dtc's text of our blob");
        Assert.That(fromDtc.Reservations, Is.EqualTo(tree.Reservations));
        Assert.That(fromDtc.BootCpuId, Is.EqualTo(3));
    }

    [Test]
    public void ReferenceCompiledByDtcReadsAndRewritesToTheSameText()
    {
        var compiled = Dtc.Compile(ReferenceDts());
        Assert.That(compiled.ExitCode, Is.Zero, compiled.Messages);
        var tree = FdtReader.Read(compiled.Output);
        Assert.That(tree.Root.Find("/intc@8000000/v2m@8020000")?.GetU32("phandle"), Is.EqualTo(0x8003));
        Assert.That(tree.Root.Find("/chosen")?.GetString("bootargs"), Is.EqualTo("console=ttyAMA0"));
        Assert.That(tree.Root.Find("/psci")?.GetStrings("compatible"), Is.EqualTo(new[] { "arm,psci-1.0", "arm,psci-0.2", "arm,psci" }));
        Assert.That(Decompiled(FdtWriter.Write(tree)), Is.EqualTo(Decompiled(compiled.Output)));
    }

    /// <summary>Version 16 (no size_dt_struct), padding after the strings, and a file longer than the blob all read to the same tree.</summary>
    [TestCase("-V", "16")]
    [TestCase("-p", "4096")]
    [TestCase("-S", "65536")]
    public void OtherLayoutsDtcWritesReadToTheSameTree(string option, string value)
    {
        string dts = ReferenceDts();
        var plain = FdtReader.Read(Dtc.Compile(dts).Output);
        var other = Dtc.Compile(dts, option, value);
        Assert.That(other.ExitCode, Is.Zero, other.Messages);
        byte[] longer = [.. other.Output, .. new byte[100]];
        Assert.That(FdtReader.Read(longer).Root.SameAs(plain.Root), Is.True);
    }

    [Test]
    public void EveryTruncationIsAFormatError()
    {
        byte[] blob = FdtWriter.Write(Awkward());
        for (int length = 0; length < blob.Length; length++)
            ExpectFormatError(blob[..length], length < 8 ? "too short" : $"device tree truncated: header says {blob.Length} bytes, file has {length}");
    }

    /// <summary>One corruption of each header field and structure token, with the words its message must hold.</summary>
    public static IEnumerable<TestCaseData> Corruptions()
    {
        TestCaseData Case(string name, string expected, Action<byte[], Layout> corrupt) => new TestCaseData(corrupt, expected).SetName($"malformed: {name}");
        yield return Case("bad magic", "not a device tree blob (magic 0xd00dfeee", (b, _) => b[3] ^= 0x03);
        yield return Case("version 15", "version 15 is too old", (b, _) => Put(b, 20, 15));
        yield return Case("last compatible version 18", "readers of version 18", (b, _) => Put(b, 24, 18));
        yield return Case("total size below header", "less than the header", (b, _) => Put(b, 4, 20));
        yield return Case("structure offset past the end", "structure block", (b, l) => Put(b, 8, (uint)b.Length + 4));
        yield return Case("structure size past the end", "structure block", (b, l) => Put(b, 36, (uint)b.Length));
        yield return Case("structure misaligned", "not 4-byte aligned", (b, l) => Put(b, 8, (uint)l.Structure + 2));
        yield return Case("structure offset inside header", "structure block", (b, l) => Put(b, 8, 8));
        yield return Case("strings size past the end", "strings block", (b, l) => Put(b, 32, 0xFFFF_FFF0));
        yield return Case("reservations misaligned", "memory reservation block at 0x2c is not 8-byte aligned", (b, _) => Put(b, 16, 44));
        yield return Case("reservations unterminated", "without its terminating zero entry", (b, _) =>
        {
            int last = (b.Length - 16) / 8 * 8;
            Put(b, 16, (uint)last);
            b.AsSpan(last).Fill(0xFF);
        });
        yield return Case("structure without end token", "without an FDT_END token", (b, l) => Put(b, 36, Get(b, 36) - 4));
        yield return Case("unknown first token", "unknown token 0x00000007", (b, l) => Put(b, l.Structure, 7));
        yield return Case("first token ends a node", "closes no node", (b, l) => Put(b, l.Structure, 2));
        yield return Case("no root", "no root node", (b, l) => Put(b, l.Structure, 9));
        yield return Case("root with a name", "root node is named", (b, l) => b[l.Structure + 4] = (byte)'r');
        yield return Case("property longer than the block", "past the end of the structure block", (b, l) => Put(b, l.Structure + 12, 0x7FFF_FFFF));
        yield return Case("property name outside strings", "outside the", (b, l) => Put(b, l.Structure + 16, 0x10_0000));
        yield return Case("property name unterminated", "not NUL-terminated", (b, l) => { b[l.Strings + l.StringsSize - 1] = (byte)'x'; Put(b, l.Structure + 16, (uint)l.StringsSize - 1); });
        yield return Case("node name unterminated", "not NUL-terminated", (b, l) =>
        {
            // The last node's name runs to the end of the structure block.
            Put(b, 36, (uint)(l.LastChildName - l.Structure + 4));
            Put(b, l.LastChildName, 0x6e6e6e6e);
        });
        yield return Case("end before the root closes", "before node / is closed", (b, l) => Put(b, l.Structure + l.StructureSize - 8, 9));
    }

    [TestCaseSource(nameof(Corruptions))]
    public void CorruptionIsAFormatErrorThatSaysWhat(Action<byte[], Layout> corrupt, string expected)
    {
        var root = new DeviceTreeNode("").SetString("model", "m").SetU32("#size-cells", 1);
        root.AddChild("nn").SetEmpty("x");
        byte[] blob = FdtWriter.Write(root);
        var layout = new Layout((int)Get(blob, 8), (int)Get(blob, 36), (int)Get(blob, 12), (int)Get(blob, 32));
        corrupt(blob, layout);
        ExpectFormatError(blob, expected);
    }

    /// <summary>Where the blocks of the blob under corruption are; its last child's name starts 4 bytes after its FDT_BEGIN_NODE.</summary>
    public sealed record Layout(int Structure, int StructureSize, int Strings, int StringsSize)
    {
        // Root: BEGIN, "\0" padded to 4, two properties of 12 + 4 bytes each ("m\0" and one cell) -> the child's BEGIN at +40.
        public int LastChildName => Structure + 4 + 4 + 16 + 16 + 4;
    }

    /// <summary>
    /// Random corruptions of a valid blob (bytes flipped, words overwritten, the blob cut short with its
    /// size patched to match): each either reads or gives a one-line ImageFormatException. What reads, we
    /// write again and read back to the same tree, and dtc cannot tell our rewrite from the corrupted blob
    /// (same text, same warnings); what we reject, dtc rejects too, except where we are stricter on purpose.
    /// </summary>
    [Test]
    public void RandomCorruptionsReadOrGiveAFormatError()
    {
        const int seed = 20240601, iterations = 20_000, dtcChecks = 400;
        var random = new Random(seed);
        var tree = FlattenedSmallVirt();
        byte[] original = FdtWriter.Write(tree);
        int read = 0, rejected = 0, checkedWithDtc = 0, dtcRejectedWhatWeRead = 0, rejectedCheckedWithDtc = 0, dtcReadWhatWeRejected = 0;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            byte[] blob = Corrupted(original, random);
            FlattenedDeviceTree parsed;
            try
            {
                parsed = FdtReader.Read(blob);
            }
            catch (ImageFormatException e)
            {
                Assert.That(e.Message, Is.Not.Empty.And.Not.Contain("\n"), $"seed {seed}, iteration {iteration}");
                rejected++;
                if (rejectedCheckedWithDtc++ < dtcChecks && Dtc.Decompile(blob).ExitCode == 0)
                {
                    dtcReadWhatWeRejected++;
                    Assert.That(StricterThanDtc.Any(e.Message.Contains), Is.True,
                        $"seed {seed}, iteration {iteration}: dtc reads the corrupted blob we reject ({e.Message})");
                }
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, iteration {iteration}: {e.GetType().Name} instead of ImageFormatException: {e}");
                return;
            }
            read++;
            byte[] rewritten = FdtWriter.Write(parsed);
            Assert.That(FdtReader.Read(rewritten).Root.SameAs(parsed.Root), Is.True, $"seed {seed}, iteration {iteration}: rewrite reads back differently");
            if (checkedWithDtc < dtcChecks && !blob.AsSpan().SequenceEqual(original))
            {
                checkedWithDtc++;
                // dtc must not tell our rewrite from the corrupted blob: the same text, or the same
                // complaints about content the corruption made odd (a duplicated phandle, a cell count).
                var theirs = Dtc.Decompile(blob);
                var ours = Dtc.Decompile(rewritten);
                if (theirs.ExitCode != 0 && ours.ExitCode == 0)
                {
                    dtcRejectedWhatWeRead++;
                    TestContext.Out.WriteLine($"iteration {iteration}: dtc rejects the corrupted blob we read: {theirs.Messages.Trim()}");
                    continue;
                }
                string context = $"seed {seed}, iteration {iteration}: dtc on the corrupted blob said \"{theirs.Messages.Trim()}\", on our rewrite \"{ours.Messages.Trim()}\"";
                Assert.That(ours.ExitCode, Is.EqualTo(theirs.ExitCode), context);
                Assert.That(ours.Messages, Is.EqualTo(theirs.Messages), context);
                Assert.That(ours.Text, Is.EqualTo(theirs.Text), context);
            }
        }
        TestContext.Out.WriteLine($"seed {seed}: {iterations} corruptions, {read} read, {rejected} rejected; dtc rejected {dtcRejectedWhatWeRead} of the first {checkedWithDtc} we read and read {dtcReadWhatWeRejected} of the first {Math.Min(rejectedCheckedWithDtc, dtcChecks)} we rejected");
        Assert.That(dtcRejectedWhatWeRead, Is.Zero, "blobs we read that dtc cannot");
        Assert.That(rejected, Is.GreaterThan(iterations / 10), "the corruptions hardly ever hit anything");
    }

    /// <summary>
    /// Where our reader refuses what dtc 1.6.1 reads, on purpose: empty node and property names (the
    /// specification's names have 1 to 31 characters, and no DTS can spell an empty one); a structure block
    /// without FDT_END inside size_dt_struct, a misaligned memory reservation block and a last compatible
    /// version above 17 (libfdt, which Linux reads its DTB with, refuses the first and last; the
    /// specification requires 8-byte alignment).
    /// </summary>
    private static readonly string[] StricterThanDtc =
        ["has an invalid name \"\"", "without an FDT_END token", "is not 8-byte aligned", "is only readable by readers of version"];

    private static FlattenedDeviceTree FlattenedSmallVirt()
    {
        var tree = new FlattenedDeviceTree(VirtDeviceTree.Build(new VirtDeviceTreeOptions { VirtioTransports = 2, BootArgs = "console=ttyAMA0", Initrd = (0x4800_0000u, 0x4800_1000u) }));
        tree.Reservations.Add(new MemoryReservation(0x4000_0000, 0x1000));
        return tree;
    }

    private static byte[] Corrupted(byte[] original, Random random)
    {
        byte[] blob = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (int k = random.Next(1, 4); k > 0; k--) blob[random.Next(blob.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
            {
                // Small numbers are the ones that land as plausible tokens, lengths and offsets.
                int at = random.Next(blob.Length / 4) * 4;
                Put(blob, at, random.Next(2) == 0 ? (uint)random.Next(16) : (uint)random.Next());
                break;
            }
            case 2:
            {
                // Inside the header and the structure block, where every word is a field or token.
                int at = random.Next((int)(Get(blob, 8) + Get(blob, 36)) / 4) * 4;
                Put(blob, at, Get(blob, at) + (uint)random.Next(-8, 9));
                break;
            }
            default:
            {
                int length = random.Next(8, blob.Length);
                blob = blob[..length];
                Put(blob, 4, (uint)length);
                break;
            }
        }
        return blob;
    }

    private static void ExpectFormatError(byte[] blob, string expected)
    {
        var e = Assert.Throws<ImageFormatException>(() => FdtReader.Read(blob), $"{blob.Length}-byte blob, expecting \"{expected}\"")!;
        Assert.That(e.Message, Does.Contain(expected));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    private static uint Get(byte[] blob, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(offset));

    private static void Put(byte[] blob, int offset, uint value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(offset), value);
}
