using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the DataProcessing family: the sixteen ALU operations in all three operand shapes,
/// the shift aliases of MOV, MOVW and MOVT, and the T32 records of the same operations (ORN, the
/// plain 12-bit immediates of ADDW/SUBW/ADR, MOVW/MOVT's split immediate). A write to PC branches
/// (with interworking in ARM state); with S set it is an exception return, which copies SPSR to CPSR.
/// </summary>
internal static class DataProcessingLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.And, Logical), (Op.Eor, Logical), (Op.Orr, Logical), (Op.Bic, Logical),
        (Op.Mov, Logical), (Op.Mvn, Logical), (Op.Tst, Logical), (Op.Teq, Logical), (Op.Orn, Logical),
        (Op.Lsl, Logical), (Op.Lsr, Logical), (Op.Asr, Logical), (Op.Ror, Logical), (Op.Rrx, Logical),
        (Op.Add, Arithmetic), (Op.Adc, Arithmetic), (Op.Sub, Arithmetic), (Op.Sbc, Arithmetic),
        (Op.Rsb, Arithmetic), (Op.Rsc, Arithmetic), (Op.Cmp, Arithmetic), (Op.Cmn, Arithmetic), (Op.Adr, Arithmetic),
        (Op.Movw, Movw), (Op.Movt, Movt),
    ];

    private static bool IsTest(Op op) => op is Op.Tst or Op.Teq or Op.Cmp or Op.Cmn;

    private static void Logical(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        bool setFlags = i.SetFlags || IsTest(i.Op);
        var (op2, carry) = Shifter.Operand2(i, ctx, setFlags);
        Value result = i.Op switch
        {
            Op.And or Op.Tst => ir.And(ctx.Reg(i.Rn), op2),
            Op.Eor or Op.Teq => ir.Xor(ctx.Reg(i.Rn), op2),
            Op.Orr => ir.Or(ctx.Reg(i.Rn), op2),
            Op.Bic => ir.AndNot(ctx.Reg(i.Rn), op2),
            Op.Orn => ir.Or(ctx.Reg(i.Rn), ir.Not(op2)),
            Op.Mvn => ir.Not(op2),
            _ => op2, // MOV and its shift aliases
        };
        Finish(i, ctx, result, setFlags, carry, overflow: default);
    }

    private static void Arithmetic(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        bool setFlags = i.SetFlags || IsTest(i.Op);
        var (op2, _) = Shifter.Operand2(i, ctx, wantCarry: false);
        // An immediate form with Rn = PC is ADR, which adds to Align(PC, 4) (the same value in ARM state).
        var rn = i.Rn == 15 && !i.Encoding!.Has(Field.Rm) ? ctx.PcAligned() : ctx.Reg(i.Rn);
        // Every form is AddWithCarry(x, y, carry) as the ARM ARM writes it.
        (Value x, Value y, Value c) = i.Op switch
        {
            Op.Add or Op.Cmn or Op.Adr => (rn, op2, Value.Bool(false)),
            Op.Adc => (rn, op2, ir.GetFlag(Flag.C)),
            Op.Sub or Op.Cmp => (rn, ir.Not(op2), Value.Bool(true)),
            Op.Sbc => (rn, ir.Not(op2), ir.GetFlag(Flag.C)),
            Op.Rsb => (op2, ir.Not(rn), Value.Bool(true)),
            _ => (op2, ir.Not(rn), ir.GetFlag(Flag.C)), // RSC
        };
        var result = ir.AddWithCarry(x, y, c);
        Value carry = setFlags ? ir.CarryOfAdd(x, y, c) : default;
        Value overflow = setFlags ? ir.OverflowOfAdd(x, y, c) : default;
        Finish(i, ctx, result, setFlags, carry, overflow);
    }

    private static void Finish(in Instruction i, LiftContext ctx, Value result, bool setFlags, Value carry, Value overflow)
    {
        var ir = ctx.Ir;
        bool test = IsTest(i.Op);
        if (!test && i.Rd == 15)
        {
            if (i.SetFlags)
            {
                // SUBS pc, lr and friends: CPSR = SPSR, then branch with the restored state.
                ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ExceptionReturn, result);
                ctx.Terminate(new ContinueAtState());
                return;
            }
            // ALUWritePC: interworking in ARM state, a plain branch in Thumb state.
            ctx.SetReg(15, result, exchange: !ctx.Thumb);
            return;
        }
        if (!test) ctx.SetReg(i.Rd, result, exchange: false);
        if (!setFlags) return;
        ir.SetFlag(Flag.N, ir.IsNegative(result));
        ir.SetFlag(Flag.Z, ir.IsZero(result));
        if (!carry.IsNone) ir.SetFlag(Flag.C, carry);
        if (!overflow.IsNone) ir.SetFlag(Flag.V, overflow);
    }

    private static void Movw(in Instruction i, LiftContext ctx) => ctx.SetReg(i.Rd, Value.I32(Imm16(i)), exchange: false);

    private static void Movt(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var low = ir.Emit(Opcode.ZeroExtend16, ctx.Reg(i.Rd));
        ctx.SetReg(i.Rd, ir.Or(low, Value.I32(Imm16(i) << 16)), exchange: false);
    }

    /// <summary>The 16-bit immediate: one field in A32; imm4 (field j) above i:imm3:imm8 (field i) in T32, whose bits are not in order.</summary>
    private static uint Imm16(in Instruction i) => i.Encoding!.Has(Field.Imm2) ? i.Imm2 << 12 | i.Imm : i.Imm;
}
