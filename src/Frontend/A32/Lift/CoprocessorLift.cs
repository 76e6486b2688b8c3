using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Generic coprocessor instructions. CP14 and CP15 hold the system registers, which belong to the
/// hypervisor: every access leaves the block as a trap in both modes, and the hypervisor's register
/// table emulates it (each access is counted as an exit). A Cortex-A15 has no other coprocessor
/// besides the floating point ones (CP10, CP11), which have their own instructions, so anything
/// else raises UNDEFINED.
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
        if (i.Coproc is 14 or 15) ctx.Terminate(new Trap(i.Word, ctx.Pc, ctx.Thumb));
        else ctx.Raise(ExceptionKind.Undefined);
    }
}
