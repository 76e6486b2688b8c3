using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;

namespace Translator.Frontend.Tests;

/// <summary>
/// The decoder (its decision tree, leaf scans and rules checked as masks) against <see cref="ReferenceDecoder"/>,
/// field for field, on random words, on words drawn from every table line (with register fields
/// often PC or SP, so that the rules fire), and for Thumb inside and outside IT blocks.
/// </summary>
public sealed class DecoderEquivalenceTests
{
    private const int Seed = 20240611;

    [Test]
    public void A32RandomWords()
    {
        var (fast, reference) = Decoders(A32Table.CortexA15, splitOnCondition: true, 4);
        var rng = new Random(Seed);
        var failures = new List<string>();
        for (int k = 0; k < 300_000; k++)
            Compare(fast, reference, (uint)rng.NextInt64(0, 1L << 32), rng, failures);
        Report(failures);
    }

    [Test]
    public void A32TableSamples()
    {
        var (fast, reference) = Decoders(A32Table.CortexA15, splitOnCondition: true, 4);
        Report(Samples(fast, reference, 64));
    }

    [Test]
    public void T16EveryHalfword()
    {
        var (fast, reference) = Decoders(ThumbTable.CortexA15.T16, splitOnCondition: false, 2);
        var rng = new Random(Seed);
        var failures = new List<string>();
        for (uint hw = 0; hw <= 0xFFFF; hw++)
            if (!ThumbDecoder.IsWide(hw)) Compare(fast, reference, hw, rng, failures);
        Report(failures);
    }

    [Test]
    public void T32RandomWords()
    {
        var (fast, reference) = Decoders(ThumbTable.CortexA15.T32, splitOnCondition: false, 4);
        var rng = new Random(Seed);
        var failures = new List<string>();
        for (int k = 0; k < 300_000; k++)
        {
            uint word = (uint)rng.NextInt64(0, 1L << 32);
            // The first halfword of a 32-bit instruction starts 0b11101, 0b11110 or 0b11111.
            word = (word & 0x07FF_FFFF) | (uint)(0b11101 + rng.Next(3)) << 27;
            Compare(fast, reference, word, rng, failures);
        }
        Report(failures);
    }

    [Test]
    public void T32TableSamples()
    {
        var (fast, reference) = Decoders(ThumbTable.CortexA15.T32, splitOnCondition: false, 4);
        Report(Samples(fast, reference, 64));
    }

    [Test]
    public void T16TableSamples()
    {
        var (fast, reference) = Decoders(ThumbTable.CortexA15.T16, splitOnCondition: false, 2);
        Report(Samples(fast, reference, 64));
    }

    /// <summary>A new decoder over the table (so that it is built as at start-up) and the reference over the same table.</summary>
    private static (InstructionDecoder Fast, ReferenceDecoder Reference) Decoders(InstructionDecoder built, bool splitOnCondition, byte size) =>
        (new InstructionDecoder(built.Encodings, Feature.CortexA15, splitOnCondition, size),
         new ReferenceDecoder(built.Encodings, Feature.CortexA15, splitOnCondition, size));

    /// <summary>
    /// Words each line matches, with each 4-bit group often all ones (PC), 0b1101 (SP) or zero (empty and
    /// one-register lists, zero fields), so that register rules fire.
    /// </summary>
    private static List<string> Samples(InstructionDecoder fast, ReferenceDecoder reference, int perLine)
    {
        var rng = new Random(Seed);
        var failures = new List<string>();
        foreach (var e in fast.Encodings)
            for (int k = 0; k < perLine; k++)
            {
                uint word = (uint)rng.NextInt64(0, 1L << 32);
                for (int nibble = 0; nibble < 8; nibble++)
                {
                    int pick = rng.Next(8);
                    if (pick < 2) word |= 0xFu << (nibble * 4);
                    else if (pick == 2) word = (word & ~(0xFu << (nibble * 4))) | 0xDu << (nibble * 4);
                    else if (pick == 3) word &= ~(0xFu << (nibble * 4));
                }
                if (e.Pattern.Width == 16) word &= 0xFFFF;
                Compare(fast, reference, (word & ~e.Pattern.Mask) | e.Pattern.Value, rng, failures);
            }
        return failures;
    }

    /// <summary>Compares the plain decode, then the decode at a random place in an IT block with a random condition, each also by the one-path form.</summary>
    private static void Compare(InstructionDecoder fast, ReferenceDecoder reference, uint word, Random rng, List<string> failures)
    {
        Check(fast.Decode(word), reference.Decode(word), "", failures);
        var itCond = (Condition)rng.Next(15);
        bool last = rng.Next(2) == 0;
        Check(fast.DecodeInItBlock(word, itCond, last), reference.DecodeInItBlock(word, itCond, last), $" in IT ({itCond}, last {last})", failures);
        // The branch-free form Thumb decoding uses, in and out of the block.
        Check(fast.Decode(word, true, itCond, last), reference.DecodeInItBlock(word, itCond, last), $" in IT, one path ({itCond}, last {last})", failures);
        Check(fast.Decode(word, false, itCond, last), reference.Decode(word), " outside IT, one path", failures);
    }

    private static void Check(in Instruction fast, in Instruction reference, string where, List<string> failures)
    {
        if (fast.Word == reference.Word && ReferenceEquals(fast.Encoding, reference.Encoding) && fast.Cond == reference.Cond
            && fast.Class == reference.Class && fast.Reason == reference.Reason && fast.Size == reference.Size
            && fast.InItBlock == reference.InItBlock && fast.LastInItBlock == reference.LastInItBlock
            && fast.Sensitive == SensitiveInstructions.IsSensitive(reference))
            return;
        if (failures.Count < 20)
            failures.Add($"{reference.Word:x8}{where}: fast {fast.Encoding?.Name ?? "-"} {fast.Cond} {fast.Class} {fast.Reason} size {fast.Size}"
                + $", reference {reference.Encoding?.Name ?? "-"} {reference.Cond} {reference.Class} {reference.Reason} size {reference.Size}"
                + $", sensitive {fast.Sensitive} / {SensitiveInstructions.IsSensitive(reference)}");
        else failures.Add("");
    }

    private static void Report(List<string> failures) =>
        Assert.That(failures, Is.Empty, $"{failures.Count} words differ:\n" + string.Join('\n', failures.Where(f => f != "")));
}
