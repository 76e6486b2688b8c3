using System.Text.RegularExpressions;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The 16-bit Thumb decoder and disassembler against GNU objdump (-M force-thumb): every line of
/// the T16 tables, every halfword of the T16 space outside and inside IT blocks, and random T16
/// streams with IT instructions. In the T16 space objdump and Translator must agree on every
/// instruction, text and UNDEFINED alike; where objdump remarks that an instruction breaks the IT
/// block rules, the decoder must have found the same (UNPREDICTABLE, Reason.ItBlock).
/// </summary>
[Category("Oracle")]
public sealed partial class ThumbT16DisassemblyVsObjdumpTests : ObjdumpTests
{
    private static readonly string[] T16Families = [.. ThumbTable.T16Families.Select(f => f.Family)];

    private static void AssertAllAgree(ThumbDifferential diff, string context)
    {
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.Classes.Keys.Where(c => c.StartsWith("T32", StringComparison.Ordinal)), Is.Empty, "only 16-bit instructions were compared");
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), $"UNDEFINED agreement, {context}");
            Assert.That(diff.AgreementChecked, Is.EqualTo(1.0), $"text agreement, {context}");
        });
    }

    [Test]
    public void EveryT16EncodingOfTheTableAgrees()
    {
        int seed = Seed(20261125);
        var rng = new Random(seed);
        var diff = new ThumbDifferential();
        diff.Compare([.. T16Families.SelectMany(f => ThumbDifferential.TableSamples(rng, perEncoding: 200, f))]);
        AssertAllAgree(diff, $"seed {seed}");
    }

    /// <summary>
    /// Every 16-bit halfword alone, then twice behind an IT instruction (first and last of its block).
    /// The IT instructions take every first condition, AL and 0b1111 too, with a 'then' or an 'else' slot.
    /// </summary>
    private static List<uint> EveryHalfwordInEachPosition()
    {
        var list = new List<uint>();
        for (uint hw = 0; hw < 0x10000; hw++)
        {
            if (ThumbDecoder.IsWide(hw)) continue;
            uint firstCond = hw >> 4 & 0xF;
            uint mask = (hw & 0x100) != 0 ? 0b1100u : 0b0100u;
            list.AddRange([hw, 0xBF00 | firstCond << 4 | mask, hw, hw]);
        }
        return list;
    }

    [Test]
    public void EveryHalfwordAgreesInsideAndOutsideItBlocks()
    {
        var diff = new ThumbDifferential();
        diff.Compare(EveryHalfwordInEachPosition());
        AssertAllAgree(diff, "every halfword");
    }

    [Test]
    public void RandomT16StreamsWithItBlocksAgree()
    {
        int seed = Seed(Environment.TickCount);
        var rng = new Random(seed);
        var diff = new ThumbDifferential();
        // Top three bits fixed per slice, so that the whole T16 space (below 0xE800) is drawn.
        for (uint top = 0; top < 7; top++) diff.Compare(ThumbDifferential.RandomInstructions(rng, 20_000, 0xE000, top << 13));
        diff.Compare(ThumbDifferential.RandomInstructions(rng, 20_000, 0xF800, 0xE000));
        AssertAllAgree(diff, $"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
    }

    [GeneratedRegex(@"\t@ unpredictable (<IT:|branch in IT block)")]
    private static partial Regex ItBlockRemark();

    [GeneratedRegex("^(svc|cpsie|cpsid|wfi|wfe|setpan)(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al|<und>)?$")]
    private static partial Regex SensitiveMnemonic();

    /// <summary>
    /// objdump remarks on instructions in an IT block that may not be there (a branch before the
    /// last slot, CBZ, IT, CPS, SETEND, B&lt;c&gt;): each must decode as UNPREDICTABLE for that reason
    /// (or for one that holds outside the block too).
    /// And the sensitive T16 instructions are the ones objdump names SVC, CPS, WFI, WFE or SETPAN.
    /// </summary>
    [Test]
    public void ItBlockViolationsAndSensitiveInstructionsMatchObjdump()
    {
        var stream = EveryHalfwordInEachPosition();
        var bytes = stream.SelectMany(hw => BitConverter.GetBytes((ushort)hw)).ToArray();
        var theirs = Objdump.DisassembleThumb(bytes);
        var dis = new ThumbDisassembler();
        var wrong = new List<string>();
        int remarks = 0, sensitive = 0;
        uint address = 0;
        foreach (uint hw in stream)
        {
            var insn = dis.Next(hw, 0);
            string text = theirs[address];
            bool remark = ItBlockRemark().IsMatch(text);
            remarks += remark ? 1 : 0;
            // Another reason may come first only if it holds outside an IT block as well.
            if (remark && !(insn.IsUnpredictable && (insn.Reason == Reason.ItBlock || ThumbTable.CortexA15.T16.Decode(hw).Reason == insn.Reason)))
                wrong.Add($"{address:x}: {hw:x4} '{Objdump.Normalize(text)}' decodes as {insn.Class} ({insn.Reason})");
            bool objdumpSensitive = SensitiveMnemonic().IsMatch(Objdump.Normalize(text).Split(' ')[0]);
            sensitive += objdumpSensitive ? 1 : 0;
            if (objdumpSensitive != insn.Sensitive)
                wrong.Add($"{address:x}: {hw:x4} '{Objdump.Normalize(text)}' sensitive: {insn.Sensitive}");
            address += 2;
        }
        TestContext.Out.WriteLine($"{stream.Count} instructions, {remarks} with objdump's IT block remark, {sensitive} sensitive");
        Assert.Multiple(() =>
        {
            Assert.That(remarks, Is.GreaterThan(1000), "the stream puts branches, CBZ and IT inside IT blocks");
            Assert.That(wrong, Is.Empty, string.Join('\n', wrong.Take(40)));
        });
    }
}
