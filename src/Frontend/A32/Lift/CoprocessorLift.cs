using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Generic coprocessor instructions. CP14 and CP15 hold the system registers, which belong to the
/// hypervisor. In translate mode an MRC/MCR/MRRC/MCRR of a register the hypervisor's table has is
/// lowered to a call-out to it (UNDEFINED when the block's privilege may not access it; the block
/// ends after a write that changes what translations assume); anything else leaves the block as a
/// trap, and the hypervisor emulates it or names it. A Cortex-A15 has no other coprocessor besides
/// the floating-point ones (CP10, CP11), which have their own instructions, so anything else raises
/// UNDEFINED.
/// </summary>
internal static class CoprocessorLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Mcr, Access), (Op.Mrc, Access), (Op.Mcrr, Access), (Op.Mrrc, Access),
        (Op.Ldc, Access), (Op.Stc, Access), (Op.Cdp, Access),
        (Op.Mcr2, Access), (Op.Mrc2, Access), (Op.Mcrr2, Access), (Op.Mrrc2, Access),
        (Op.Ldc2, Access), (Op.Stc2, Access), (Op.Cdp2, Access),
    ];

    private static void Access(in Instruction i, LiftContext ctx)
    {
        if (i.Coproc is not (14 or 15)) ctx.Raise(ExceptionKind.Undefined);
        else if (!TryLower(i, ctx)) ctx.Terminate(new Trap(i.Word, ctx.Pc, ctx.Thumb));
    }

    private static bool TryLower(in Instruction i, LiftContext ctx)
    {
        if (i.Op is not (Op.Mcr or Op.Mrc or Op.Mcrr or Op.Mrrc) || ctx.Settings.Registers is not { } registers) return false;
        bool wide = i.Op is Op.Mcrr or Op.Mrrc, read = i.Op is Op.Mrc or Op.Mrrc;
        var plan = wide
            ? registers.Plan(i.Coproc, i.Opc1, 0, i.Rm, 0, wide: true, read, ctx.Privileged)
            : registers.Plan(i.Coproc, i.Opc1, i.Rn, i.Rm, i.Opc2, wide: false, read, ctx.Privileged);
        if (plan is not { } p) return false;
        if (!p.Permitted)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return true;
        }
        if (!wide && i.Rt != 15 && TryInline(i, ctx, p, read)) return true;
        var access = SystemAccess.Of(i.Rt, wide ? i.Rt2 : 0, read, wide);
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.SystemRegister, Value.I32(p.Handle), Value.I32(access));
        if (p.EndsBlock && !read) ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb));
        return true;
    }

    /// <summary>A constant read, or a plain state word read or written with no other effect, needs no call-out.</summary>
    private static bool TryInline(in Instruction i, LiftContext ctx, SystemRegisterPlan p, bool read)
    {
        var ir = ctx.Ir;
        if (read && p.Constant is { } constant)
            ctx.SetReg(i.Rt, Value.I32(constant), exchange: false);
        else if (read && p.StateOffset is { } offset)
            ctx.SetReg(i.Rt, ir.Emit(Opcode.GetSystemWord, (ulong)offset), exchange: false);
        else if (!read && p.PlainWriteOffset is { } target)
        {
            var value = p.WriteMask == uint.MaxValue ? ctx.Reg(i.Rt) : ir.And(ctx.Reg(i.Rt), Value.I32(p.WriteMask));
            ir.Emit(Opcode.SetSystemWord, (ulong)target, p.WriteOnes == 0 ? value : ir.Or(value, Value.I32(p.WriteOnes)));
        }
        else
            return false;
        return true;
    }
}
