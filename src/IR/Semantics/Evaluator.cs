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
            Opcode.CarryOfAdd => Scalar.Carry(a, b, cin),
            Opcode.OverflowOfAdd => Scalar.Overflow(a, b, cin),
            Opcode.Lsl => Shifts.Lsl(a, b),
            Opcode.Lsr => Shifts.Lsr(a, b),
            Opcode.Asr => Shifts.Asr(a, b),
            Opcode.Ror => Shifts.Ror(a, b),
            Opcode.LslCarry => Shifts.LslCarry(a, b, cin),
            Opcode.LsrCarry => Shifts.LsrCarry(a, b, cin),
            Opcode.AsrCarry => Shifts.AsrCarry(a, b, cin),
            Opcode.RorCarry => Shifts.RorCarry(a, b, cin),
            Opcode.Rrx => Scalar.Rrx(a, b),
            Opcode.Clz => Scalar.Clz(a),
            Opcode.Rbit => Scalar.Rbit(a),
            Opcode.Rev => Scalar.Rev(a),
            Opcode.Rev16 => Scalar.Rev16(a),
            Opcode.Revsh => Scalar.Revsh(a),
            Opcode.SignExtend8 => (uint)(int)(sbyte)a,
            Opcode.SignExtend16 => (uint)(int)(short)a,
            Opcode.ZeroExtend8 => a & 0xFF,
            Opcode.ZeroExtend16 => a & 0xFFFF,
            Opcode.UDiv => Scalar.UDiv(a, b),
            Opcode.SDiv => Scalar.SDiv(a, b),
            Opcode.SignedSaturate => Scalar.SignedSaturate(a, (int)aux),
            Opcode.SignedSaturates => Scalar.SignedSaturates(a, (int)aux),
            Opcode.UnsignedSaturate => Scalar.UnsignedSaturate(a, (int)aux),
            Opcode.UnsignedSaturates => Scalar.UnsignedSaturates(a, (int)aux),
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
            Opcode.SignedSaturate64To32 => Scalar.SignedSaturate64To32(x[0]),
            Opcode.SignedSaturates64To32 => Scalar.SignedSaturates64To32(x[0]),
            Opcode.Packed => Scalar.Packed(a, b, aux),
            Opcode.PackedGe => Scalar.PackedGe(a, b, aux),
            _ => throw new ArgumentException($"{op} is not a pure operation"),
        };
    }
}
