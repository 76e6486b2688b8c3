using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// MRS and MSR of a banked register belong to the Virtualization Extensions, which the guest's
/// processor does not have (as on QEMU's virt board without virtualization=on): they are UNDEFINED.
/// A kernel reaches other modes' registers by switching modes, SRS and LDM/STM ^.
/// </summary>
internal static class BankedRegistersLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.MrsBanked, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.Undefined)),
        (Op.MsrBanked, (in Instruction i, LiftContext ctx) => ctx.Raise(ExceptionKind.Undefined)),
    ];
}
