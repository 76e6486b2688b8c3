using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.Frontend.Thumb;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// The A32 shifter operand ("operand 2") and its carry-out, for the shapes an encoding can have: a
/// rotated 8-bit immediate (fields i and r; ThumbExpandImm's constant in a T32 record), a register
/// shifted by an immediate (m, z, y), a register shifted by a register (m, z, s), or T32's plain
/// 12-bit immediate (field i alone).
/// </summary>
internal static class Shifter
{
    /// <returns>The operand, and its carry-out (only computed when <paramref name="wantCarry"/>).</returns>
    public static (Value Operand, Value Carry) Operand2(in Instruction i, LiftContext ctx, bool wantCarry)
    {
        // The MOV shift aliases fix the shift type in the encoding instead of a field.
        var type = i.Op switch
        {
            Op.Lsl => ShiftType.Lsl, Op.Lsr => ShiftType.Lsr, Op.Asr => ShiftType.Asr, Op.Ror or Op.Rrx => ShiftType.Ror,
            _ => i.ShiftType,
        };
        var ir = ctx.Ir;
        var e = i.Encoding!;
        if (e.Has(Field.Rotate))
        {
            bool thumb = e.Thumb;
            uint imm = thumb ? ThumbImmediates.ExpandImmediate((uint)i.Rotate, i.Imm) : Bits.ExpandArmImmediate(i.Imm, i.Rotate);
            bool rotates = thumb ? ThumbImmediates.ExpandImmediateRotates((uint)i.Rotate) : i.Rotate != 0;
            Value carry = default;
            if (wantCarry) carry = rotates ? Value.Bool((imm >> 31) != 0) : ir.GetFlag(Flag.C);
            return (Value.I32(imm), carry);
        }
        // T32 ADDW/SUBW/ADR: a plain 12-bit immediate, no register at all.
        if (!e.Has(Field.Rm)) return (Value.I32(i.Imm), wantCarry ? ir.GetFlag(Flag.C) : default);
        var rm = ctx.Reg(i.Rm);
        if (e.Has(Field.Rs))
        {
            var amount = ir.Emit(Opcode.ZeroExtend8, ctx.Reg(i.Rs));
            var (shift, carryOp) = type switch
            {
                ShiftType.Lsl => (Opcode.Lsl, Opcode.LslCarry),
                ShiftType.Lsr => (Opcode.Lsr, Opcode.LsrCarry),
                ShiftType.Asr => (Opcode.Asr, Opcode.AsrCarry),
                _ => (Opcode.Ror, Opcode.RorCarry),
            };
            var value = ir.Emit(shift, rm, amount);
            Value carry = wantCarry ? ir.Emit(carryOp, rm, amount, ir.GetFlag(Flag.C)) : default;
            return (value, carry);
        }
        return ImmediateShift(ctx, rm, type, i.ShiftImm, wantCarry);
    }

    /// <summary>DecodeImmShift and Shift_C: LSR/ASR #0 mean 32, ROR #0 means RRX.</summary>
    public static (Value Operand, Value Carry) ImmediateShift(LiftContext ctx, Value rm, ShiftType type, int imm5, bool wantCarry)
    {
        var ir = ctx.Ir;
        if (type == ShiftType.Ror && imm5 == 0)
        {
            var c = ir.GetFlag(Flag.C);
            var rrx = ir.Emit(Opcode.Rrx, rm, c);
            return (rrx, wantCarry ? ir.Emit(Opcode.LsrCarry, rm, Value.I32(1), c) : default);
        }
        if (type == ShiftType.Lsl && imm5 == 0)
            return (rm, wantCarry ? ir.GetFlag(Flag.C) : default);
        uint amount = type is ShiftType.Lsr or ShiftType.Asr && imm5 == 0 ? 32u : (uint)imm5;
        var (shift, carryOp) = type switch
        {
            ShiftType.Lsl => (Opcode.Lsl, Opcode.LslCarry),
            ShiftType.Lsr => (Opcode.Lsr, Opcode.LsrCarry),
            ShiftType.Asr => (Opcode.Asr, Opcode.AsrCarry),
            _ => (Opcode.Ror, Opcode.RorCarry),
        };
        var amt = Value.I32(amount);
        var value = ir.Emit(shift, rm, amt);
        return (value, wantCarry ? ir.Emit(carryOp, rm, amt, Value.Bool(false)) : default);
    }
}
