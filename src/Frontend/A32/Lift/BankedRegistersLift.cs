using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// MRS and MSR of a banked register (another mode's R8–R14 or SPSR, named by SYSm = M:m), in both
/// instruction sets. They are UNPREDICTABLE in User mode and for Monitor and Hyp registers, which a
/// processor without the Security and Virtualization Extensions does not have; like QEMU, those are
/// UNDEFINED. Naming the current mode's own registers is UNPREDICTABLE too: it accesses them.
/// </summary>
internal static class BankedRegistersLift
{
    public static readonly (Op, LiftHandler)[] Handlers = [(Op.MrsBanked, Read), (Op.MsrBanked, Write)];

    private static void Read(in Instruction i, LiftContext ctx)
    {
        if (Selector(i, ctx) is { } selector)
            ctx.SetReg(i.Rd, ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ReadBanked, Value.I32(selector)), exchange: false);
    }

    private static void Write(in Instruction i, LiftContext ctx)
    {
        if (Selector(i, ctx) is { } selector)
            ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.WriteBanked, ctx.Reg(i.Rn), Value.I32(selector));
    }

    /// <summary>The register SYSm names, or null after raising UNDEFINED.</summary>
    private static uint? Selector(in Instruction i, LiftContext ctx)
    {
        uint sysm = (i.Flag('M') ? 16u : 0u) | (uint)i.Rm;
        var named = i.Flag('R') ? Spsr(sysm) : Register(sysm);
        if (!ctx.Privileged || named is not { } n || n.Mode is 0x16 or 0x1A)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return null;
        }
        return BankedSelector.Of(n.Register, n.Mode);
    }

    private static (int Register, uint Mode)? Register(uint sysm) => sysm switch
    {
        <= 6 => (8 + (int)sysm, 0x10),
        >= 8 and <= 14 => (8 + (int)sysm - 8, 0x11),
        // From 16 up, pairs of LR then SP for IRQ, SVC, ABT, UND, then MON and HYP.
        >= 16 and <= 23 => ((sysm & 1) == 0 ? 14 : 13, ((sysm - 16) >> 1) switch { 0 => 0x12u, 1 => 0x13u, 2 => 0x17u, _ => 0x1Bu }),
        28 or 29 => ((sysm & 1) == 0 ? 14 : 13, 0x16),
        30 or 31 => ((sysm & 1) == 0 ? 14 : 13, 0x1A),
        _ => null,
    };

    private static (int Register, uint Mode)? Spsr(uint sysm) => sysm switch
    {
        14 => (BankedSelector.Spsr, 0x11),
        16 => (BankedSelector.Spsr, 0x12),
        18 => (BankedSelector.Spsr, 0x13),
        20 => (BankedSelector.Spsr, 0x17),
        22 => (BankedSelector.Spsr, 0x1B),
        28 => (BankedSelector.Spsr, 0x16),
        30 => (BankedSelector.Spsr, 0x1A),
        _ => null,
    };
}
