using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the packing (PKHBT, PKHTB), selection (SEL), extension (SXTB ... UXTAH, with
/// rotation), reversal (REV, REV16, REVSH, RBIT) and bitfield (BFC, BFI, SBFX, UBFX) instructions.
/// </summary>
internal static class MediaLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Pkhbt, Pack), (Op.Pkhtb, Pack), (Op.Sel, Select),
        (Op.Sxtb, Extend), (Op.Sxth, Extend), (Op.Sxtb16, Extend), (Op.Uxtb, Extend), (Op.Uxth, Extend), (Op.Uxtb16, Extend),
        (Op.Sxtab, Extend), (Op.Sxtah, Extend), (Op.Sxtab16, Extend), (Op.Uxtab, Extend), (Op.Uxtah, Extend), (Op.Uxtab16, Extend),
        (Op.Rev, Reverse), (Op.Rev16, Reverse), (Op.Revsh, Reverse), (Op.Rbit, Reverse), (Op.Clz, Reverse),
        (Op.Bfc, Insert), (Op.Bfi, Insert), (Op.Sbfx, Extract), (Op.Ubfx, Extract),
    ];

    /// <summary>PKHBT: bottom half of Rn, top half of Rm LSL imm. PKHTB: top half of Rn, bottom half of Rm ASR imm (0 meaning 32).</summary>
    private static void Pack(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var n = ctx.Reg(i.Rn);
        var m = ctx.Reg(i.Rm);
        Value result = i.Op == Op.Pkhbt
            ? ir.Or(ir.And(n, Value.I32(0xFFFF)), ir.And(ir.Emit(Opcode.Lsl, m, Value.I32((uint)i.ShiftImm)), Value.I32(0xFFFF_0000)))
            : ir.Or(ir.And(n, Value.I32(0xFFFF_0000)), ir.Emit(Opcode.ZeroExtend16, ir.Emit(Opcode.Asr, m, Value.I32(i.ShiftImm == 0 ? 32u : (uint)i.ShiftImm))));
        ctx.SetReg(i.Rd, result, exchange: false);
    }

    /// <summary>Each byte from Rn where its GE bit is set, from Rm where it is clear.</summary>
    private static void Select(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var mask = ir.Emit(Opcode.Packed, (ulong)PackedOp.GeMask, ir.GetGE(), Value.I32(0));
        ctx.SetReg(i.Rd, ir.Or(ir.And(ctx.Reg(i.Rn), mask), ir.AndNot(ctx.Reg(i.Rm), mask)), exchange: false);
    }

    private static void Extend(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var rotated = i.Rotate == 0 ? ctx.Reg(i.Rm) : ir.Emit(Opcode.Ror, ctx.Reg(i.Rm), Value.I32(8u * (uint)i.Rotate));
        var extended = i.Op switch
        {
            Op.Sxtb or Op.Sxtab => ir.Emit(Opcode.SignExtend8, rotated),
            Op.Sxth or Op.Sxtah => ir.Emit(Opcode.SignExtend16, rotated),
            Op.Uxtb or Op.Uxtab => ir.Emit(Opcode.ZeroExtend8, rotated),
            Op.Uxth or Op.Uxtah => ir.Emit(Opcode.ZeroExtend16, rotated),
            Op.Uxtb16 or Op.Uxtab16 => ir.And(rotated, Value.I32(0x00FF_00FF)),
            // SXTB16: bytes 0 and 2, each sign-extended to a halfword.
            _ => ir.Or(ir.Emit(Opcode.ZeroExtend16, ir.Emit(Opcode.SignExtend8, rotated)),
                ir.Emit(Opcode.Lsl, ir.Emit(Opcode.SignExtend8, ir.Emit(Opcode.Lsr, rotated, Value.I32(16))), Value.I32(16))),
        };
        var result = i.Op switch
        {
            Op.Sxtb or Op.Sxth or Op.Sxtb16 or Op.Uxtb or Op.Uxth or Op.Uxtb16 => extended,
            // The two-halfword forms add each halfword apart, carries not crossing: a lane-wise add.
            Op.Sxtab16 or Op.Uxtab16 => ir.Emit(Opcode.Packed, (ulong)PackedOp.Uadd16, ctx.Reg(i.Rn), extended),
            _ => ir.Add(ctx.Reg(i.Rn), extended),
        };
        ctx.SetReg(i.Rd, result, exchange: false);
    }

    /// <summary>The one-operand bit operations: REV, REV16, REVSH, RBIT, and CLZ (decoded with the miscellaneous instructions).</summary>
    private static void Reverse(in Instruction i, LiftContext ctx)
    {
        var opcode = i.Op switch { Op.Rev => Opcode.Rev, Op.Rev16 => Opcode.Rev16, Op.Revsh => Opcode.Revsh, Op.Clz => Opcode.Clz, _ => Opcode.Rbit };
        ctx.SetReg(i.Rd, ctx.Ir.Emit(opcode, ctx.Reg(i.Rm)), exchange: false);
    }

    /// <summary>BFC and BFI: field i is the msb, j the lsb (an msb below the lsb is UNPREDICTABLE and changes nothing here).</summary>
    private static void Insert(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        int lsb = (int)i.Imm2, msb = (int)i.Imm;
        uint mask = msb < lsb ? 0 : (uint)(((1UL << (msb + 1)) - 1) & ~((1UL << lsb) - 1));
        var kept = ir.And(ctx.Reg(i.Rd), Value.I32(~mask));
        var result = i.Op == Op.Bfc
            ? kept
            : ir.Or(kept, ir.And(ir.Emit(Opcode.Lsl, ctx.Reg(i.Rn), Value.I32((uint)lsb)), Value.I32(mask)));
        ctx.SetReg(i.Rd, result, exchange: false);
    }

    /// <summary>SBFX and UBFX: field i is the width - 1, j the lsb; the field is moved to the top, then shifted down.</summary>
    private static void Extract(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        int lsb = (int)i.Imm2, width = (int)i.Imm + 1;
        // A field reaching past bit 31 is UNPREDICTABLE; it is clipped at bit 31 here.
        int top = Math.Min(lsb + width, 32);
        var high = ir.Emit(Opcode.Lsl, ctx.Reg(i.Rn), Value.I32((uint)(32 - top)));
        var result = ir.Emit(i.Op == Op.Sbfx ? Opcode.Asr : Opcode.Lsr, high, Value.I32((uint)(32 - top + lsb)));
        ctx.SetReg(i.Rd, result, exchange: false);
    }
}
