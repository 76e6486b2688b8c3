namespace Translator.Frontend.Decoding;

/// <summary>
/// The table of sensitive instructions: those that read or write privileged state (CPSR mode and
/// masks, SPSRs, banked registers, CP14/CP15, VFP control) or behave differently by processor mode,
/// including the ones that do not trap when run unprivileged on ARMv7. The hypervisor turns them
/// into trap stubs or inline system operations.
/// </summary>
public static class SensitiveInstructions
{
    /// <remarks>
    /// SETEND is not here: CPSR.E is writable at PL0 and SETEND behaves the same in every mode, so the
    /// hypervisor has nothing to emulate. The endianness it sets is an assumption a translated block
    /// bakes in, which is the lifter's concern (the block ends there), not a reason to trap.
    /// </remarks>
    public static bool IsSensitive(in Instruction insn)
    {
        switch (insn.Op)
        {
            case Op.Mrs or Op.Msr or Op.MrsBanked or Op.MsrBanked:
            case Op.Cps or Op.Srs or Op.Rfe or Op.Eret or Op.Setpan:
            case Op.LdmUser or Op.LdmException or Op.StmUser:
            case Op.Ldrt or Op.Ldrbt or Op.Ldrht or Op.Ldrsbt or Op.Ldrsht or Op.Strt or Op.Strbt or Op.Strht:
            case Op.Vmrs or Op.Vmsr:
            case Op.Wfi or Op.Wfe:
            case Op.Svc or Op.Hvc or Op.Smc:
                return true;
            case Op.Mcr or Op.Mrc or Op.Mcrr or Op.Mrrc or Op.Ldc or Op.Stc:
            case Op.Mcr2 or Op.Mrc2 or Op.Mcrr2 or Op.Mrrc2 or Op.Ldc2 or Op.Stc2:
                return insn.Coproc is 14 or 15;
            default:
                // Data-processing with S set and PC as destination is an exception return (SUBS pc, lr).
                return insn.Rd == 15 && insn.Flag('S') && IsDataProcessing(insn.Op);
        }
    }

    private static bool IsDataProcessing(Op op) => op is >= Op.And and <= Op.Rrx and not (Op.Tst or Op.Teq or Op.Cmp or Op.Cmn);
}
