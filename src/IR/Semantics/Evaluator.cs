using System.Numerics;

namespace Translator.IR.Semantics;

/// <summary>
/// The meaning of every pure IR operation, on raw bits. Constant folding and the interpreter use
/// it directly; the IL compiler must agree with it, which the backend's property tests check.
/// </summary>
public static class Evaluator
{
    public static bool IsPure(Opcode op) => !op.Info().SideEffect && op is not (Opcode.GetReg or Opcode.GetFlag or Opcode.GetGE);

    public static ulong Pure(Opcode op, ulong aux, ReadOnlySpan<ulong> x)
    {
        uint a = x.Length > 0 ? (uint)x[0] : 0, b = x.Length > 1 ? (uint)x[1] : 0, cin = x.Length > 2 ? (uint)x[2] & 1 : 0;
        return op switch
        {
            Opcode.Add => a + b,
            Opcode.Sub => a - b,
            Opcode.Mul => a * b,
            Opcode.And => a & b,
            Opcode.Or => a | b,
            Opcode.Xor => a ^ b,
            Opcode.AndNot => a & ~b,
            Opcode.Not => ~a,
            Opcode.Neg => 0u - a,
            Opcode.AddWithCarry => a + b + cin,
            Opcode.CarryOfAdd => (ulong)a + b + cin > uint.MaxValue ? 1u : 0u,
            Opcode.OverflowOfAdd => Overflow(a, b, cin),
            Opcode.Lsl => Shifts.Lsl(a, b),
            Opcode.Lsr => Shifts.Lsr(a, b),
            Opcode.Asr => Shifts.Asr(a, b),
            Opcode.Ror => Shifts.Ror(a, b),
            Opcode.LslCarry => Shifts.LslCarry(a, b, cin),
            Opcode.LsrCarry => Shifts.LsrCarry(a, b, cin),
            Opcode.AsrCarry => Shifts.AsrCarry(a, b, cin),
            Opcode.RorCarry => Shifts.RorCarry(a, b, cin),
            Opcode.Rrx => (((uint)x[1] & 1) << 31) | (a >> 1),
            Opcode.Clz => (uint)BitOperations.LeadingZeroCount(a),
            Opcode.Rbit => Rbit(a),
            Opcode.Rev => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(a),
            Opcode.Rev16 => ((a & 0x00FF_00FF) << 8) | ((a >> 8) & 0x00FF_00FF),
            Opcode.Revsh => (uint)(int)(short)(((a & 0xFF) << 8) | ((a >> 8) & 0xFF)),
            Opcode.SignExtend8 => (uint)(int)(sbyte)a,
            Opcode.SignExtend16 => (uint)(int)(short)a,
            Opcode.ZeroExtend8 => a & 0xFF,
            Opcode.ZeroExtend16 => a & 0xFFFF,
            Opcode.UDiv => b == 0 ? 0u : a / b,
            Opcode.SDiv => SDiv((int)a, (int)b),
            Opcode.SignedSaturate => (uint)SignedSat((int)a, (int)aux, out _),
            Opcode.SignedSaturates => SignedSaturates((int)a, (int)aux),
            Opcode.UnsignedSaturate => UnsignedSat((int)a, (int)aux, out _),
            Opcode.UnsignedSaturates => UnsignedSaturates((int)a, (int)aux),
            Opcode.IsZero => a == 0 ? 1u : 0u,
            Opcode.IsNegative => a >> 31,
            Opcode.Eq => a == b ? 1u : 0u,
            Opcode.LtU => a < b ? 1u : 0u,
            Opcode.LtS => (int)a < (int)b ? 1u : 0u,
            Opcode.BoolNot => (x[0] & 1) ^ 1,
            Opcode.BoolAnd => x[0] & x[1] & 1,
            Opcode.BoolOr => (x[0] | x[1]) & 1,
            Opcode.BoolXor => (x[0] ^ x[1]) & 1,
            Opcode.BoolToI32 => x[0] & 1,
            Opcode.Select => (x[0] & 1) != 0 ? x[1] : x[2],
            Opcode.MulU64 => (ulong)a * b,
            Opcode.MulS64 => (ulong)((long)(int)a * (int)b),
            Opcode.Add64 => x[0] + x[1],
            Opcode.Sub64 => x[0] - x[1],
            Opcode.Lo32 => (uint)x[0],
            Opcode.Hi32 => (uint)(x[0] >> 32),
            Opcode.Pack64 => ((ulong)a << 32) | b,
            Opcode.ZeroExtend64 => a,
            Opcode.SignExtend64 => (ulong)(long)(int)a,
            Opcode.SignedSaturate64To32 => (uint)Sat64((long)x[0], out _),
            Opcode.SignedSaturates64To32 => x[0] + 0x8000_0000UL > uint.MaxValue ? 1u : 0u,
            Opcode.Packed => PackedArithmetic.Result((PackedOp)(aux & 0xFF), a, b, (int)(aux >> 8)),
            Opcode.PackedGe => (aux & 0xFF) is (ulong)PackedOp.Ssat16 or (ulong)PackedOp.Usat16
                ? (PackedArithmetic.Saturated((PackedOp)(aux & 0xFF), a, (int)(aux >> 8)) ? 1u : 0u)
                : PackedArithmetic.Ge((PackedOp)(aux & 0xFF), a, b),
            _ => throw new ArgumentException($"{op} is not a pure operation"),
        };
    }

    public static uint Overflow(uint a, uint b, uint carry)
    {
        uint r = a + b + carry;
        return ((a ^ r) & (b ^ r)) >> 31;
    }

    public static uint Rbit(uint v)
    {
        v = ((v >> 1) & 0x5555_5555) | ((v & 0x5555_5555) << 1);
        v = ((v >> 2) & 0x3333_3333) | ((v & 0x3333_3333) << 2);
        v = ((v >> 4) & 0x0F0F_0F0F) | ((v & 0x0F0F_0F0F) << 4);
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
    }

    public static uint SDiv(int a, int b) => b == 0 ? 0u : (a == int.MinValue && b == -1) ? unchecked((uint)int.MinValue) : (uint)(a / b);

    /// <summary>SignedSatQ(value, n) for n in 1..32.</summary>
    public static int SignedSat(int v, int n, out bool saturated)
    {
        long max = (1L << (n - 1)) - 1, min = -(1L << (n - 1));
        saturated = v > max || v < min;
        return (int)Math.Clamp(v, min, max);
    }

    /// <summary>UnsignedSatQ(value, n) for n in 0..31.</summary>
    public static uint UnsignedSat(int v, int n, out bool saturated)
    {
        long max = (1L << n) - 1;
        saturated = v > max || v < 0;
        return (uint)Math.Clamp(v, 0, max);
    }

    private static uint SignedSaturates(int v, int n)
    {
        SignedSat(v, n, out bool saturated);
        return saturated ? 1u : 0u;
    }

    private static uint UnsignedSaturates(int v, int n)
    {
        UnsignedSat(v, n, out bool saturated);
        return saturated ? 1u : 0u;
    }

    public static int Sat64(long v, out bool saturated)
    {
        saturated = v > int.MaxValue || v < int.MinValue;
        return (int)Math.Clamp(v, int.MinValue, int.MaxValue);
    }
}
