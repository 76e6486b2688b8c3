using Translator.Frontend.Decoding;

namespace Translator.Frontend.Tests;

public sealed class BitPatternTests
{
    [Test]
    public void FixedBitsFormMaskAndValue()
    {
        var p = new BitPattern("cccc0010101Snnnnddddrrrriiiiiiii");
        Assert.That(p.Mask, Is.EqualTo(0x0FE0_0000u));
        Assert.That(p.Value, Is.EqualTo(0x02A0_0000u));
        Assert.That(p.HasCondition, Is.True);
    }

    [Test]
    public void ShouldBeBitsAreNotPartOfTheMatch()
    {
        var p = new BitPattern("cccc00010010(1)(1)(1)(1)(1)(1)(1)(1)(1)(1)(1)(1)0001mmmm");
        Assert.That(p.Mask, Is.EqualTo(0x0FF0_00F0u));
        Assert.That(p.ShouldBeMask, Is.EqualTo(0x000F_FF00u));
        Assert.That(p.ShouldBeValue, Is.EqualTo(0x000F_FF00u));
    }

    [Test]
    public void ConstraintsFixFieldBitsWhileTheFieldIsStillDecoded()
    {
        // LDF is an LDC to coprocessor 1; STF with the D bit set is an STC with N = 1.
        var e = new Encoding("LDF", Op.Ldc, "cccc110PUNW1nnnnddddppppiiiiiiii where p=0001 d=0xxx N=1", static (in Instruction _, AsmWriter _) => { });
        Assert.That(e.Pattern.Mask, Is.EqualTo(0x0E50_8F00u));
        Assert.That(e.Pattern.Value, Is.EqualTo(0x0C50_0100u));
        var decoder = new InstructionDecoder([e], Feature.CortexA15, splitOnCondition: true);
        var insn = decoder.Decode(0xED5F_4105);
        Assert.That(insn.Encoding, Is.SameAs(e));
        Assert.That(insn.Coproc, Is.EqualTo(1));
        Assert.That(insn.Rd, Is.EqualTo(4));
        Assert.That(insn.Flag('N'), Is.True);
        Assert.That(decoder.Decode(0xED5F_4205).Encoding, Is.Null, "another coprocessor");
        Assert.That(decoder.Decode(0xED5F_C105).Encoding, Is.Null, "CRd above 7");
    }

    [TestCase("cccc110PUNW1nnnnddddppppiiiiiiii where p=001")]
    [TestCase("cccc110PUNW1nnnnddddppppiiiiiiii where s=0001")]
    [TestCase("cccc110PUNW1nnnnddddppppiiiiiiii where p=00y1")]
    [TestCase("cccc110PUNW1nnnnddddppppiiiiiiii where p")]
    [TestCase("cccc001")]
    [TestCase("cccc0010101Snnnnddddrrrriiiiiii#")]
    [TestCase("cccc0010101SSnnnddddrrrriiiiiiii")]
    public void MalformedPatternsAreRejected(string text) =>
        Assert.Throws<FormatException>(() => _ = new BitPattern(text));

    [Test]
    public void SplitFieldsAreConcatenatedMostSignificantFirst()
    {
        // MOVW: imm4:imm12.
        var e = new Encoding("MOVW", Op.Movw, "cccc00110000iiiiddddiiiiiiiiiiii", static (in Instruction _, AsmWriter _) => { });
        var decoder = new InstructionDecoder([e], Feature.CortexA15, splitOnCondition: true);
        var insn = decoder.Decode(0xE30A_1BCD); // movw r1, #0xabcd
        Assert.That(insn.Imm, Is.EqualTo(0xABCDu));
        Assert.That(insn.Rd, Is.EqualTo(1));
        Assert.That(insn.Cond, Is.EqualTo(Condition.Always));
    }

    [Test]
    public void PortableGatherMatchesPext()
    {
        if (!System.Runtime.Intrinsics.X86.Bmi2.IsSupported) Assert.Ignore("the host has no BMI2 to compare with");
        var rng = new Random(7);
        for (int k = 0; k < 100_000; k++)
        {
            uint word = (uint)rng.NextInt64(0, 1L << 32), mask = (uint)rng.NextInt64(0, 1L << 32);
            if (k % 4 == 0) mask |= 0xFFFF_0000;
            Assert.That(Bits.GatherPortable(word, mask), Is.EqualTo(System.Runtime.Intrinsics.X86.Bmi2.ParallelBitExtract(word, mask)), $"word {word:x8} mask {mask:x8}");
        }
        Assert.That(Bits.GatherPortable(0xDEAD_BEEF, uint.MaxValue), Is.EqualTo(0xDEAD_BEEFu));
    }
}
