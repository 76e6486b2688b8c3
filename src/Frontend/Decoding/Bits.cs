using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Translator.Frontend.Decoding;

/// <summary>Bit manipulation shared by decoding, disassembly and lifting.</summary>
public static class Bits
{
    /// <summary>Sign-extends the low <paramref name="width"/> bits of <paramref name="value"/>.</summary>
    public static int SignExtend(uint value, int width) => (int)(value << (32 - width)) >> (32 - width);

    public static uint RotateRight(uint value, int amount) => (value >> (amount & 31)) | (value << ((32 - amount) & 31));

    /// <summary>ARMExpandImm: an 8-bit value rotated right by twice the 4-bit rotation.</summary>
    public static uint ExpandArmImmediate(uint imm8, int rotate) => RotateRight(imm8, rotate * 2);

    /// <summary>
    /// The bits of <paramref name="word"/> selected by <paramref name="mask"/>, packed towards bit 0
    /// in their order (x86 PEXT): how a pattern's scattered field letters become one operand value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Gather(uint word, uint mask) =>
        Bmi2.IsSupported ? Bmi2.ParallelBitExtract(word, mask) : GatherPortable(word, mask);

    /// <summary>The inverse of <see cref="Gather"/>: spreads the low bits of <paramref name="value"/> over the bits of <paramref name="mask"/>.</summary>
    public static uint Scatter(uint value, uint mask)
    {
        uint result = 0;
        for (int k = 0; mask != 0; k++, mask &= mask - 1)
            if ((value & (1u << k)) != 0) result |= mask & ~(mask - 1);
        return result;
    }

    /// <summary><see cref="Gather"/> for hosts without BMI2: one contiguous run of mask bits per step.</summary>
    public static uint GatherPortable(uint word, uint mask)
    {
        uint result = 0;
        int dest = 0;
        while (mask != 0)
        {
            int low = System.Numerics.BitOperations.TrailingZeroCount(mask);
            int len = System.Numerics.BitOperations.TrailingZeroCount(~(mask >> low));
            uint run = len == 32 ? uint.MaxValue : (1u << len) - 1;
            result |= ((word >> low) & run) << dest;
            dest += len;
            mask &= ~(run << low);
        }
        return result;
    }
}
