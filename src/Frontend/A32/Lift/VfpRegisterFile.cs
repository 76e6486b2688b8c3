using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// What the VFP families share when lifting: the check that the VFP may be used, the S and D
/// registers, and the sign operations (FPNeg and FPAbs change only the sign bit, whatever the value,
/// NaNs included).
/// </summary>
internal static class VfpRegisterFile
{
    /// <summary>Bit 8 of a floating-point encoding (the ARM ARM's sz): double precision.</summary>
    public static bool IsDouble(in Instruction i) => (i.Word & (1 << 8)) != 0;

    /// <summary>
    /// Makes the instruction UNDEFINED unless the VFP may be used as <paramref name="need"/> says. One
    /// check serves the rest of the block: nothing inside a block changes CPACR, FPEXC, FPSCR.LEN or
    /// the privilege (the instructions that can end the block after them).
    /// </summary>
    public static void Require(LiftContext ctx, VfpAccess need)
    {
        foreach (var inst in ctx.Block.Insts)
            if (inst.Op == Opcode.VfpCheck && ((VfpAccess)inst.Aux & need) == need) return;
        ctx.Ir.Emit(Opcode.VfpCheck, (ulong)need);
    }

    public static Value S(LiftContext ctx, int n) => ctx.Ir.Emit(Opcode.GetS, (ulong)n);
    public static void SetS(LiftContext ctx, int n, Value v) => ctx.Ir.Emit(Opcode.SetS, (ulong)n, v);
    public static Value D(LiftContext ctx, int n) => ctx.Ir.Emit(Opcode.GetD, (ulong)n);
    public static void SetD(LiftContext ctx, int n, Value v) => ctx.Ir.Emit(Opcode.SetD, (ulong)n, v);

    /// <summary>Reads Vd, Vn or Vm in the encoding's precision (an S register's bits or a D register's).</summary>
    public static Value Read(LiftContext ctx, bool dp, int s, int d) => dp ? D(ctx, d) : S(ctx, s);

    public static void Write(LiftContext ctx, bool dp, int s, int d, Value v)
    {
        if (dp) SetD(ctx, d, v);
        else SetS(ctx, s, v);
    }

    /// <summary>FPNeg: the sign bit flipped.</summary>
    public static Value Negate(LiftContext ctx, Value v) => v.Type == IrType.I64
        ? ctx.Ir.Emit(Opcode.Pack64, ctx.Ir.Xor(ctx.Ir.Emit(Opcode.Hi32, v), Value.I32(0x8000_0000)), ctx.Ir.Emit(Opcode.Lo32, v))
        : ctx.Ir.Xor(v, Value.I32(0x8000_0000));

    /// <summary>FPAbs: the sign bit cleared.</summary>
    public static Value Absolute(LiftContext ctx, Value v) => v.Type == IrType.I64
        ? ctx.Ir.Emit(Opcode.Pack64, ctx.Ir.And(ctx.Ir.Emit(Opcode.Hi32, v), Value.I32(0x7FFF_FFFF)), ctx.Ir.Emit(Opcode.Lo32, v))
        : ctx.Ir.And(v, Value.I32(0x7FFF_FFFF));
}
