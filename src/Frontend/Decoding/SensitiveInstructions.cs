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
    public static bool IsSensitive(in Instruction insn) => insn.Encoding is { } e && When(e.Op) is { } test && test.Holds(insn);

    /// <summary>When an instruction of operation <paramref name="op"/> is sensitive; null when never.</summary>
    internal static WordTest? When(Op op)
    {
        switch (op)
        {
            case Op.Mrs or Op.Msr or Op.MrsBanked or Op.MsrBanked:
            case Op.Cps or Op.Srs or Op.Rfe or Op.Eret or Op.Setpan:
            case Op.LdmUser or Op.LdmException or Op.StmUser:
            case Op.Ldrt or Op.Ldrbt or Op.Ldrht or Op.Ldrsbt or Op.Ldrsht or Op.Strt or Op.Strbt or Op.Strht:
            case Op.Vmrs or Op.Vmsr:
            case Op.Wfi or Op.Wfe:
            case Op.Svc or Op.Hvc or Op.Smc:
                return WordTest.Bits(0, 0);
            case Op.Mcr or Op.Mrc or Op.Mcrr or Op.Mrrc or Op.Ldc or Op.Stc:
            case Op.Mcr2 or Op.Mrc2 or Op.Mcrr2 or Op.Mrrc2 or Op.Ldc2 or Op.Stc2:
                // Coprocessor 14 or 15.
                return WordTest.FieldBits('p', ~1u, 14);
            default:
                // Data-processing with S set and PC as destination is an exception return (SUBS pc, lr).
                return IsDataProcessing(op) ? WordTest.Field('d', 15) & WordTest.Flag('S') : null;
        }
    }

    private static bool IsDataProcessing(Op op) => op is >= Op.And and <= Op.Rrx and not (Op.Tst or Op.Teq or Op.Cmp or Op.Cmn);
}

/// <summary>
/// An encoding's sensitivity as one bit test of the word, so that a decoded record answers without
/// a switch on its operation; tests no mask expresses are evaluated on the record.
/// </summary>
internal sealed class Sensitivity
{
    private readonly uint _mask, _value;
    private readonly WordTest? _test;

    public Sensitivity(Encoding e)
    {
        var test = SensitiveInstructions.When(e.Op);
        if (test is null) (_mask, _value) = (0, 1);
        else if (test.Clauses is [var clause] && Lane.Compile(e, clause, Lane.ItPosition.Outside) is var lane
            && (lane is null || (lane is { Maybe: false, Negated: false, FieldMask: 0 })))
            (_mask, _value) = lane is null ? (0u, 1u) : (lane.Mask, lane.Value);
        else _test = test;
    }

    public bool Holds(in Instruction insn) => _test is null ? (insn.Word & _mask) == _value : _test.Holds(insn);
}
