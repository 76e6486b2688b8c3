using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Translator.IR.Semantics;

/// <summary>
/// Scalar operations of the IR that are more than one host instruction. The evaluator and the IL
/// compiler both call these, so each has exactly one definition.
/// </summary>
public static class Scalar
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Overflow(uint a, uint b, uint carry)
    {
        uint r = a + b + carry;
        return ((a ^ r) & (b ^ r)) >> 31;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Carry(uint a, uint b, uint carry) => (uint)(((ulong)a + b + carry) >> 32);

    public static uint Clz(uint v) => (uint)BitOperations.LeadingZeroCount(v);

    public static uint Rbit(uint v)
    {
        v = ((v >> 1) & 0x5555_5555) | ((v & 0x5555_5555) << 1);
        v = ((v >> 2) & 0x3333_3333) | ((v & 0x3333_3333) << 2);
        v = ((v >> 4) & 0x0F0F_0F0F) | ((v & 0x0F0F_0F0F) << 4);
        return BinaryPrimitives.ReverseEndianness(v);
    }

    public static uint Rev(uint v) => BinaryPrimitives.ReverseEndianness(v);

    public static uint Rev16(uint v) => ((v & 0x00FF_00FF) << 8) | ((v >> 8) & 0x00FF_00FF);

    public static uint Revsh(uint v) => (uint)(int)(short)(((v & 0xFF) << 8) | ((v >> 8) & 0xFF));

    public static uint Rrx(uint v, uint carry) => ((carry & 1) << 31) | (v >> 1);

    public static uint UDiv(uint a, uint b) => b == 0 ? 0u : a / b;

    public static uint SDiv(uint a, uint b)
    {
        int x = (int)a, y = (int)b;
        return y == 0 ? 0u : (x == int.MinValue && y == -1) ? a : (uint)(x / y);
    }

    /// <summary>SignedSatQ(value, n) for n in 1..32.</summary>
    public static uint SignedSaturate(uint value, int n) => (uint)Math.Clamp((int)value, -(1L << (n - 1)), (1L << (n - 1)) - 1);

    public static uint SignedSaturates(uint value, int n) => (int)value < -(1L << (n - 1)) || (int)value > (1L << (n - 1)) - 1 ? 1u : 0u;

    /// <summary>UnsignedSatQ(value, n) for n in 0..31, of a signed input.</summary>
    public static uint UnsignedSaturate(uint value, int n) => (uint)Math.Clamp((int)value, 0, (1L << n) - 1);

    public static uint UnsignedSaturates(uint value, int n) => (int)value < 0 || (int)value > (1L << n) - 1 ? 1u : 0u;

    public static uint SignedSaturate64To32(ulong value) => (uint)(int)Math.Clamp((long)value, int.MinValue, int.MaxValue);

    public static uint SignedSaturates64To32(ulong value) => value + 0x8000_0000UL > uint.MaxValue ? 1u : 0u;

    public static uint Packed(uint a, uint b, ulong aux) => PackedArithmetic.Result((PackedOp)(aux & 0xFF), a, b, (int)(aux >> 8));

    public static uint PackedGe(uint a, uint b, ulong aux) => (aux & 0xFF) is (ulong)PackedOp.Ssat16 or (ulong)PackedOp.Usat16
        ? (PackedArithmetic.Saturated((PackedOp)(aux & 0xFF), a, (int)(aux >> 8)) ? 1u : 0u)
        : PackedArithmetic.Ge((PackedOp)(aux & 0xFF), a, b);
}
