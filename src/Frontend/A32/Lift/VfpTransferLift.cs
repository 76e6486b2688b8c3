using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;
using static Translator.Frontend.A32.Lift.VfpRegisterFile;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Moves between the ARM core registers and the VFP: VMOV of an S register, a pair of S registers,
/// a D register and a scalar (8, 16 or 32 bits of a D register), and VMRS/VMSR of the system
/// registers. FPSCR is user state; FPSID, MVFR0, MVFR1 and FPEXC are for PL1 only and work with the
/// VFP disabled (so that a kernel can enable it). A write of FPSCR or FPEXC ends the block, since the
/// access checks of the rest of the block depend on them.
/// </summary>
internal static class VfpTransferLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.VmovCoreSingle, CoreSingle), (Op.VmovCoreTwoSingles, CorePair), (Op.VmovCoreDouble, CorePair),
        (Op.VmovCoreScalar, CoreToScalar), (Op.VmovScalarCore, ScalarToCore),
        (Op.Vmrs, Vmrs), (Op.Vmsr, Vmsr),
    ];

    private static bool ToCore(in Instruction i) => (i.Word & (1 << 20)) != 0;

    private static void CoreSingle(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        if (ToCore(i)) ctx.SetReg(i.Rt, S(ctx, Sn(i)), exchange: false);
        else SetS(ctx, Sn(i), ctx.Reg(i.Rt));
    }

    /// <summary>Rt takes the low word (S[m] or the low half of D[m]), Rt2 the high one.</summary>
    private static void CorePair(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        var ir = ctx.Ir;
        bool pair = i.Op == Op.VmovCoreTwoSingles;
        if (ToCore(i))
        {
            Value low, high;
            if (pair)
            {
                low = S(ctx, Sm(i));
                high = S(ctx, Sm(i) + 1);
            }
            else
            {
                var d = D(ctx, Dm(i));
                low = ir.Emit(Opcode.Lo32, d);
                high = ir.Emit(Opcode.Hi32, d);
            }
            ctx.SetReg(i.Rt, low, exchange: false);
            ctx.SetReg(i.Rt2, high, exchange: false);
            return;
        }
        var rt = ctx.Reg(i.Rt);
        var rt2 = ctx.Reg(i.Rt2);
        if (pair)
        {
            SetS(ctx, Sm(i), rt);
            SetS(ctx, Sm(i) + 1, rt2);
        }
        else
        {
            SetD(ctx, Dm(i), ir.Emit(Opcode.Pack64, rt2, rt));
        }
    }

    /// <summary>The element size and index of a scalar VMOV: opc1:opc2 (bits 22:21 and 6:5) select both.</summary>
    private static (int Bits, int Index) Scalar(in Instruction i)
    {
        uint opc1 = (i.Word >> 21) & 3, opc2 = (i.Word >> 5) & 3;
        if ((opc1 & 2) != 0) return (8, (int)(((opc1 & 1) << 2) | opc2));
        if ((opc2 & 1) != 0) return (16, (int)(((opc1 & 1) << 1) | (opc2 >> 1)));
        return (32, (int)(opc1 & 1));
    }

    /// <summary>The 32-bit word of D[n] that holds the element, and the element's position in it.</summary>
    private static (int S, int Shift) Element(in Instruction i, int bits, int index) =>
        (2 * Dn(i) + index * bits / 32, index * bits % 32);

    private static void CoreToScalar(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        var ir = ctx.Ir;
        var (bits, index) = Scalar(i);
        var (s, shift) = Element(i, bits, index);
        var value = ctx.Reg(i.Rt);
        if (bits == 32)
        {
            SetS(ctx, s, value);
            return;
        }
        uint mask = (bits == 8 ? 0xFFu : 0xFFFFu) << shift;
        var inserted = ir.And(ir.Emit(Opcode.Lsl, value, Value.I32((uint)shift)), Value.I32(mask));
        SetS(ctx, s, ir.Or(ir.AndNot(S(ctx, s), Value.I32(mask)), inserted));
    }

    /// <summary>The element moves to Rt zero-extended when U is set, sign-extended otherwise.</summary>
    private static void ScalarToCore(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        var ir = ctx.Ir;
        var (bits, index) = Scalar(i);
        var (s, shift) = Element(i, bits, index);
        var value = S(ctx, s);
        if (bits != 32)
        {
            value = ir.Emit(Opcode.Lsr, value, Value.I32((uint)shift));
            bool unsigned = (i.Word & (1 << 23)) != 0;
            value = ir.Emit(bits == 8
                ? unsigned ? Opcode.ZeroExtend8 : Opcode.SignExtend8
                : unsigned ? Opcode.ZeroExtend16 : Opcode.SignExtend16, value);
        }
        ctx.SetReg(i.Rt, value, exchange: false);
    }

    private static int SystemRegister(in Instruction i) => (int)((i.Word >> 16) & 0xF);

    /// <summary>VMRS: Rt = a system register; FPSCR to R15 (APSR_nzcv) sets the flags from FPSCR.NZCV.</summary>
    private static void Vmrs(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        int reg = SystemRegister(i), t = (int)((i.Word >> 12) & 0xF);
        if (!VfpSystem.Exists(reg)) throw LiftContext.Unsupported(i, ctx.Pc);
        Require(ctx, VfpSystem.AccessFor(reg));
        var value = ir.Emit(Opcode.GetVfpSystem, (ulong)reg);
        if (t != 15)
        {
            ctx.SetReg(t, value, exchange: false);
            return;
        }
        foreach (var (flag, bit) in (ReadOnlySpan<(Flag, int)>)[(Flag.N, 31), (Flag.Z, 30), (Flag.C, 29), (Flag.V, 28)])
            ir.SetFlag(flag, ir.Emit(Opcode.IsNegative, ir.Emit(Opcode.Lsl, value, Value.I32((uint)(31 - bit)))));
    }

    private static void Vmsr(in Instruction i, LiftContext ctx)
    {
        int reg = SystemRegister(i);
        if (!VfpSystem.Exists(reg)) throw LiftContext.Unsupported(i, ctx.Pc);
        Require(ctx, VfpSystem.AccessFor(reg));
        ctx.Ir.Emit(Opcode.SetVfpSystem, (ulong)reg, ctx.Reg(i.Rt));
        ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb));
    }
}
