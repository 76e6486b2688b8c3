using Translator.Frontend.Thumb;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The T32 data-processing and multiply encodings (ARM ARM A6.3.1-A6.3.17's data-processing spaces)
/// against GNU objdump -M force-thumb: every line of their tables filled with random bits, and random
/// words of each space, half of them inside IT blocks of random conditions and lengths, so that the
/// condition objdump prints inside a block is compared too. Every word must agree, on its text and
/// on whether it is UNDEFINED.
/// </summary>
[Category("Oracle")]
public sealed class ThumbT32DataProcessingVsObjdumpTests : ObjdumpTests
{
    private static readonly string[] Families =
    [
        "T32DataProcessingModifiedImmediate", "T32DataProcessingPlainImmediate", "T32DataProcessingShiftedRegister",
        "T32DataProcessingRegister", "T32Multiply",
    ];

    /// <summary>The spaces as hw1:hw2 mask and value; the data-processing (register) space also with its bits 15:12 fixed to 1111, where its encodings are.</summary>
    private static readonly (uint Mask, uint Value)[] Spaces =
    [
        (0xFA00_8000, 0xF000_0000), // modified immediate
        (0xFA00_8000, 0xF200_0000), // plain binary immediate
        (0xFE00_0000, 0xEA00_0000), // shifted register
        (0xFF00_0000, 0xFA00_0000), // register
        (0xFF00_F000, 0xFA00_F000),
        (0xFF80_0000, 0xFB00_0000), // multiply, multiply accumulate, absolute difference
        (0xFF80_0000, 0xFB80_0000), // long multiply, divide
    ];

    [Test]
    public void EveryEncodingOfTheFamiliesAgrees()
    {
        int seed = Seed(20261125);
        var rng = new Random(seed);
        var words = new List<uint>();
        foreach (var e in ThumbTable.T32.Where(e => Families.Contains(e.Family)))
            for (int k = 0; k < 25; k++)
                words.Add((uint)rng.NextInt64(1L << 32) & ~e.Pattern.Mask | e.Pattern.Value);
        AssertAgreement(words, rng, seed);
    }

    [Test]
    public void RandomWordsOfTheSpacesAgree()
    {
        int seed = Seed(Environment.TickCount);
        var rng = new Random(seed);
        var words = new List<uint>();
        foreach (var (mask, value) in Spaces)
            for (int k = 0; k < 4000; k++)
                words.Add((uint)rng.NextInt64(1L << 32) & ~mask | value);
        AssertAgreement(words, rng, seed);
    }

    private static void AssertAgreement(List<uint> words, Random rng, int seed)
    {
        var diff = new ItBlockDifferential();
        diff.Compare(words, rng);
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        TestContext.Out.Write(diff.Report());
        Assert.Multiple(() =>
        {
            Assert.That(diff.TotalChecked, Is.EqualTo(words.Count), "no word of these spaces is in a known-disagreement space");
            Assert.That(diff.UndefinedAgreementChecked, Is.EqualTo(1.0), $"UNDEFINED agreement, seed {seed}");
            Assert.That(diff.AgreementChecked, Is.EqualTo(1.0), $"text agreement, seed {seed}");
        });
    }

    /// <summary>
    /// Compares 32-bit instructions, about half of them in IT blocks: each block's IT instruction goes
    /// to objdump, and the disassembler is put in the IT state it sets, so that the comparison does
    /// not depend on how the IT instruction itself is decoded.
    /// </summary>
    private sealed class ItBlockDifferential : DisassemblyTally
    {
        public void Compare(IReadOnlyList<uint> words, Random rng)
        {
            // An instruction of the stream: a 32-bit word, or (ItState set) the IT halfword that starts a block.
            var stream = new List<(uint Word, ItState? It)>();
            for (int k = 0; k < words.Count;)
            {
                if (rng.Next(2) == 0) { stream.Add((words[k++], null)); continue; }
                uint firstCond = (uint)rng.Next(15), mask = (uint)rng.Next(1, 16);
                stream.Add((0xBF00 | firstCond << 4 | mask, ItState.Of(firstCond, mask)));
                int length = 4 - System.Numerics.BitOperations.TrailingZeroCount(mask);
                for (int n = 0; n < length && k < words.Count; n++) stream.Add((words[k++], null));
            }
            var bytes = new List<byte>();
            foreach (var (w, it) in stream)
            {
                if (it is null) bytes.AddRange(BitConverter.GetBytes((ushort)(w >> 16)));
                bytes.AddRange(BitConverter.GetBytes((ushort)w));
            }
            var theirs = Objdump.DisassembleThumb([.. bytes]);
            var dis = new ThumbDisassembler();
            uint address = 0;
            foreach (var (w, it) in stream)
            {
                if (it is { } state) { dis.It = state; address += 2; continue; }
                var insn = dis.Next(w >> 16, w & 0xFFFF);
                string ours = dis.Format(insn, address);
                if (!theirs.TryGetValue(address, out var text))
                    throw new InvalidOperationException($"objdump printed nothing for address 0x{address:x} ({w:x8})");
                Record(w, insn.Encoding?.Family ?? "T32Undefined", insn.Encoding?.Name ?? "-", ours, text, KnownDisagreements.FindThumb(w));
                address += 4;
            }
        }
    }
}
