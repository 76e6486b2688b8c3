using Translator.Frontend.A32;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The decoder's UNDEFINED verdicts in the Advanced SIMD spaces (data processing 1111001x, element
/// and structure loads and stores 11110100 xxx0) against Unicorn's Cortex-A15 (QEMU's model:
/// Advanced SIMD v2, no ARMv8 or half-precision arithmetic): each word is run once on a fresh CPU
/// with the VFP enabled. A word we call UNDEFINED must be an invalid instruction there, and one we
/// call defined must not be. UNPREDICTABLE words are left out: the architecture lets them do either.
/// </summary>
[Category("Oracle")]
public sealed class A32AdvancedSimdClassVsUnicornTests : UnicornClassTests
{
    /// <summary>
    /// Two unallocated encodings Unicorn 2.0.1 (QEMU 5.0's Advanced SIMD decoder) still executes:
    /// VMUL (floating-point) with bit 21 set, and VQDMULL with U set. The ARM ARM leaves both
    /// unallocated, objdump prints them as UNDEFINED, and QEMU's later decodetree tables
    /// (neon-dp.decode) fix bit 21 of VMUL_fp_3s and U of VQDMULL_3d.
    /// </summary>
    private static bool UnicornDecodesUnallocated(uint word) =>
        (word & 0xFFA0_0F10) == 0xF320_0D10 || ((word & 0xFF80_0F50) == 0xF380_0D00 && ((word >> 20) & 3) != 3);

    [Test]
    public void UndefinedWordsAreTheOnesTheCortexA15Rejects()
    {
        int seed = Seed(Environment.TickCount);
        var rng = new Random(seed);
        var words = A32Differential.TableSamples(rng, perEncoding: 8, "AdvancedSimd");
        words.AddRange(A32Differential.RandomWords(rng, 3000, 0xFE00_0000, 0xF200_0000));
        words.AddRange(A32Differential.RandomWords(rng, 2000, 0xFF10_0000, 0xF400_0000));

        AssertClassesMatchUnicorn(words, seed, UnicornDecodesUnallocated);
    }
}
