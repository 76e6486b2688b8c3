using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The decoder's UNDEFINED verdicts in coprocessors 9, 10 and 11 against Unicorn's Cortex-A15
/// (QEMU's model: VFPv4-D32 and Advanced SIMD, no ARMv8 or half-precision arithmetic): each
/// word, with condition AL, is run once on a fresh CPU with the VFP enabled. A word we call
/// UNDEFINED must be an invalid instruction there, and one we call defined must not be.
/// UNPREDICTABLE words are left out: the architecture lets them do either.
/// </summary>
[Category("Oracle")]
public sealed class A32VfpClassVsUnicornTests : UnicornClassTests
{
    private static bool InFloatingPointSpace(uint word) =>
        ((word & 0x0E00_0000) == 0x0C00_0000 || (word & 0x0F00_0000) == 0x0E00_0000) && ((word >> 8) & 0xF) is 9 or 10 or 11;

    [Test]
    public void UndefinedWordsAreTheOnesTheCortexA15Rejects()
    {
        int seed = Seed(Environment.TickCount);
        var rng = new Random(seed);
        var words = new List<uint>();
        foreach (var family in new[] { "VfpDataProcessing", "VfpLoadStore", "VfpTransfer", "Coprocessor" })
            words.AddRange(A32Differential.TableSamples(rng, perEncoding: 12, family));
        words.AddRange(A32Differential.RandomWords(rng, 1500, 0x0E00_0E00, 0x0C00_0A00));
        words.AddRange(A32Differential.RandomWords(rng, 1500, 0x0F00_0E00, 0x0E00_0A00));
        words.AddRange(A32Differential.RandomWords(rng, 1000, 0x0E00_0E00, 0x0C00_0800));

        // A conditional UNDEFINED word need not trap when its condition fails: run everything as AL.
        var unconditionalOrAl = words.Select(raw => raw >> 28 == 0xF ? raw : (raw & 0x0FFF_FFFF) | 0xE000_0000);
        AssertClassesMatchUnicorn(unconditionalOrAl.Where(InFloatingPointSpace), seed);
    }
}
