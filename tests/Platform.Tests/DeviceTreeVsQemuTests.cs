using Translator.Oracles;
using Translator.Platform.Boards;
using Translator.Platform.DeviceTree;

namespace Translator.Platform.Tests;

/// <summary>
/// Our virt board's device tree against the one qemu-system-arm 7.2 builds for -M virt -cpu cortex-a15
/// (dumped with -machine dumpdtb at test time), both seen through dtc: every node we have is QEMU's,
/// property for property, and the nodes we lack are exactly the devices we do not have. /chosen written
/// into a user's DTB is checked against what QEMU writes into one given with -dtb.
/// </summary>
public sealed class DeviceTreeVsQemuTests
{
    /// <summary>Devices of QEMU's board that ours does not have.</summary>
    private static readonly string[] NodesWeLack =
    [
        "/platform-bus@c000000", "/fw-cfg@9020000", "/gpio-keys", "/gpio-keys/poweroff", "/pl061@9030000", "/pcie@10000000",
        "/intc@8000000/v2m@8020000",
    ];

    /// <summary>
    /// QEMU fills these from its host's random source at every start, so they cannot match any fixed
    /// value; Linux takes rng-seed as entropy and kaslr-seed only on arm64. We give neither.
    /// </summary>
    private static readonly string[] RandomChosenProperties = ["rng-seed", "kaslr-seed"];

    private static readonly string TempDirectory = Path.Combine(Path.GetTempPath(), $"translator-dtb-tests-{Environment.ProcessId}");

    [OneTimeSetUp]
    public void RequireTools()
    {
        DeviceTreeVsDtcTests.RequireDtc();
        if (!Qemu.Available) Assert.Fail($"{Qemu.Tool} is missing: run ./run-tests, which installs qemu-system-arm");
        Directory.CreateDirectory(TempDirectory);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(TempDirectory, recursive: true);

    public static IEnumerable<TestCaseData> Boards()
    {
        yield return new TestCaseData(256, "console=ttyAMA0", 1000).SetName("QEMU -m 256 -append console=ttyAMA0 -initrd (1000 bytes)");
        yield return new TestCaseData(256, null, 0).SetName("QEMU -m 256, no kernel");
        yield return new TestCaseData(1024, "console=ttyAMA0 root=/dev/vda rw", 4097).SetName("QEMU -m 1024 with bootargs and initrd");
        yield return new TestCaseData(3072, "quiet", 0).SetName("QEMU -m 3072 with bootargs only");
    }

    [TestCaseSource(nameof(Boards))]
    public void EveryNodeWeHaveIsQemusAndWeLackOnlyItsMissingDevices(int memoryMiB, string? append, int initrdBytes)
    {
        string? initrd = initrdBytes > 0 ? WriteFile("initrd", initrdBytes) : null;
        var qemu = Nodes(QemuDeviceTree.Dump(memoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture), append, initrd));
        var ours = Nodes(VirtDeviceTree.BuildBlob(new VirtDeviceTreeOptions
        {
            RamSize = (ulong)memoryMiB << 20, BootArgs = append ?? "", Initrd = initrdBytes > 0 ? QemuInitrd(memoryMiB, initrdBytes) : null,
        }));
        CompareWithQemu(ours, qemu, NodesWeLack);
    }

    /// <summary>With fewer virtio transports and no flash, the nodes left are still QEMU's and the ones dropped are exactly those.</summary>
    [Test]
    public void FewerTransportsAndNoFlashLeaveOutExactlyThoseNodes()
    {
        var qemu = Nodes(QemuDeviceTree.Dump());
        var ours = Nodes(VirtDeviceTree.BuildBlob(new VirtDeviceTreeOptions { VirtioTransports = 5, Flash = false }));
        string[] dropped = [.. Enumerable.Range(5, 27).Select(i => $"/virtio_mmio@{VirtMemoryMap.VirtioBase + (uint)i * VirtMemoryMap.VirtioStride:x}"), "/flash@0"];
        CompareWithQemu(ours, qemu, [.. NodesWeLack, .. dropped]);
    }

    /// <summary>A tree QEMU built (libfdt's layout, with free space after the strings) reads and writes back to the same dtc text.</summary>
    [Test]
    public void QemusBlobReadsAndRewritesToTheSameText()
    {
        byte[] blob = QemuDeviceTree.Dump(append: "console=ttyAMA0", initrd: WriteFile("initrd", 100));
        Assert.That(DeviceTreeVsDtcTests.Decompiled(FdtWriter.Write(FdtReader.Read(blob))), Is.EqualTo(DeviceTreeVsDtcTests.Decompiled(blob)));
    }

    /// <summary>How the user's DTB looks before /chosen is written: its own chosen node, a stale one, or none.</summary>
    public enum ChosenBefore { StdoutPathOnly, Stale, Missing }

    public static IEnumerable<TestCaseData> UserTrees() =>
        from before in Enum.GetValues<ChosenBefore>()
        from withInitrd in new[] { true, false }
        select new TestCaseData(before, withInitrd).SetName($"-dtb with chosen {before}, {(withInitrd ? "-append and -initrd" : "-append only")}");

    /// <summary>
    /// SetChosen on a user's tree against QEMU given the same tree with -dtb: QEMU writes bootargs and the
    /// initrd into /chosen (and rewrites /memory and /psci, which in our tree are already what it writes).
    /// </summary>
    [TestCaseSource(nameof(UserTrees))]
    public void SetChosenWritesWhatQemuWritesIntoAUserDtb(ChosenBefore before, bool withInitrd)
    {
        const string append = "console=ttyAMA0 earlycon";
        var user = VirtDeviceTree.Build(before == ChosenBefore.Stale
            ? new VirtDeviceTreeOptions { BootArgs = "stale", Initrd = (0x1000u, 0x2000u) }
            : new VirtDeviceTreeOptions());
        if (before == ChosenBefore.Missing) user.RemoveChild("chosen");
        string userFile = Path.Combine(TempDirectory, $"user-{before}-{withInitrd}.dtb");
        File.WriteAllBytes(userFile, FdtWriter.Write(user));

        string? initrd = withInitrd ? WriteFile("initrd", 1000) : null;
        var qemu = Nodes(QemuDeviceTree.Dump(append: append, initrd: initrd, dtb: userFile));
        VirtDeviceTree.SetChosen(user, append, withInitrd ? QemuInitrd(256, 1000) : null);
        var ours = Nodes(FdtWriter.Write(user));
        CompareWithQemu(ours, qemu, []);
    }

    /// <summary>Where QEMU puts an initrd: RAM base plus half the RAM, at most 128 MiB (hw/arm/boot.c); the loader that chooses ours is not under test.</summary>
    private static (uint Start, uint End) QemuInitrd(int memoryMiB, int bytes)
    {
        uint start = VirtBoard.RamBase + (uint)Math.Min(memoryMiB / 2, 128) * (1u << 20);
        return (start, start + (uint)bytes);
    }

    private static string WriteFile(string name, int bytes)
    {
        string path = Path.Combine(TempDirectory, $"{name}-{bytes}");
        var content = new byte[bytes];
        new Random(bytes).NextBytes(content);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static Dictionary<string, Dictionary<string, string>> Nodes(byte[] dtb) => Dtc.Nodes(DeviceTreeVsDtcTests.Decompiled(dtb));

    private static void CompareWithQemu(Dictionary<string, Dictionary<string, string>> ours, Dictionary<string, Dictionary<string, string>> qemu, string[] lacking)
    {
        if (qemu.TryGetValue("/chosen", out var chosen))
            foreach (string random in RandomChosenProperties) chosen.Remove(random);
        var differences = new List<string>();
        foreach (var (path, properties) in ours)
        {
            if (!qemu.TryGetValue(path, out var theirs))
            {
                differences.Add($"{path}: QEMU has no such node");
                continue;
            }
            foreach (var (name, value) in properties)
                if (!theirs.TryGetValue(name, out var expected)) differences.Add($"{path}: {name} = {value}; QEMU has no such property");
                else if (value != expected) differences.Add($"{path}: {name} = {value}; QEMU's is {expected}");
            foreach (var (name, value) in theirs)
                if (!properties.ContainsKey(name)) differences.Add($"{path}: we lack QEMU's {name} = {value}");
        }
        Assert.That(differences, Is.Empty, "nodes we share with QEMU differ");
        Assert.That(qemu.Keys.Except(ours.Keys), Is.EquivalentTo(lacking), "the nodes QEMU has that we lack");
    }
}
