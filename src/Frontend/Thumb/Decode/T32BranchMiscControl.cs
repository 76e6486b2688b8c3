using Translator.Frontend.A32.Decode;
using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T32BranchMiscControlText;
using static Translator.Frontend.Thumb.Disasm.T32BranchFutureText;
using static Translator.Frontend.Thumb.Disasm.T32BranchText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// T32 branches and miscellaneous control: B&lt;c&gt;.W, B.W, BL, BLX (immediate); and where B&lt;c&gt;.W
/// would have condition 1110 or 1111, MSR/MRS (with the banked-register forms), the hints, CPS, the
/// barriers and CLREX, BXJ, SUBS PC, LR (ERET), HVC, SMC and UDF.W. ThumbEE's ENTERX and LEAVEX are
/// not here: a Cortex-A15 has no ThumbEE, so they are UNDEFINED like the rest of the unallocated words.
/// The branch offsets are read by <see cref="ThumbImmediates.BranchOffset"/> from the letters S, J
/// (J1), K (J2), i and j.
/// </summary>
public static class T32BranchMiscControl
{
    /// <summary>The words of B&lt;c&gt;.W whose condition field is 1110 or 1111 belong to other instructions.</summary>
    private static bool HasReservedCondition(uint word) => (word & 0x0380_0000) == 0x0380_0000;

    private const string Hint = "111100111010(1)(1)(1)(1)10(0)0(0)000";
    private const string Control = "111100111011(1)(1)(1)(1)10(0)0(1)(1)(1)(1)";

    private static Encoding FixedHint(string name, Op op, string bits, TextForm text, Feature feature = Feature.Base) =>
        new(name, op, Hint + bits, text, feature);

    public static readonly Encoding[] Lines =
    [
        new Encoding("B (T3, conditional)", Op.B, "11110Scccciiiiii10J0Kjjjjjjjjjjj", Conditional, Feature.Base, T32Rules.InItBlock)
            .Excluding(HasReservedCondition),
        new("B (T4)", Op.B, "11110Siiiiiiiiii10J1Kjjjjjjjjjjj", Unconditional, Feature.Base, T32Rules.BranchNotLastInItBlock),
        new("BL", Op.Bl, "11110Siiiiiiiiii11J1Kjjjjjjjjjjj", Unconditional, Feature.Base, T32Rules.BranchNotLastInItBlock),
        new("BLX (immediate)", Op.Blx, "11110Siiiiiiiiii11J0Kjjjjjjjjjj0", Unconditional, Feature.Base, T32Rules.BranchNotLastInItBlock),
        // BLX with H (bit 0) set is UNDEFINED; GNU shows Armv8.1-M's branch-future and loop instructions there.
        new("LCTP", Op.Undefined, "11110000000011111110000000000001", Fixed("lctp"), Feature.MProfile),
        new("LE", Op.Undefined, "11110000001011111100xxxxxxxxxxx1", LoopEnd, Feature.MProfile),
        new("LE (LR)", Op.Undefined, "11110000000011111100xxxxxxxxxxx1", LoopEnd, Feature.MProfile),
        new("LETP", Op.Undefined, "11110000000111111100xxxxxxxxxxx1", LoopEnd, Feature.MProfile),
        new("WLS", Op.Undefined, "111100000100xxxx1100xxxxxxxxxxx1", LoopStart, Feature.MProfile),
        new("WLSTP", Op.Undefined, "1111000000xxxxxx1100xxxxxxxxxxx1", LoopStart, Feature.MProfile),
        new("DLS", Op.Undefined, "111100000100xxxx1110000000000001", LoopStart, Feature.MProfile),
        new("DLSTP", Op.Undefined, "1111000000xxxxxx1110000000000001", LoopStart, Feature.MProfile),
        new("BF", Op.Undefined, "11110xxxx10xxxxx1110xxxxxxxxxxx1", BranchFuture, Feature.MProfile),
        new("BFX", Op.Undefined, "11110xxx0110xxxx1110xxxxxxxxxxx1", BranchFutureExchange, Feature.MProfile),
        new("BFLX", Op.Undefined, "11110xxx0111xxxx1110xxxxxxxxxxx1", BranchFutureExchange, Feature.MProfile),
        new("BFL", Op.Undefined, "11110xxxxxxxxxxx1100xxxxxxxxxxx1", BranchFutureLink, Feature.MProfile),
        new("BFCSEL", Op.Undefined, "11110xxxx0xxxxxx1110xxxxxxxxxxx1", BranchFutureSelect, Feature.MProfile),

        // The rest of the space of the conditions 1110 and 1111 is unallocated.
        new Encoding("Branches and miscellaneous control, unallocated", Op.Undefined, "11110x111xxxxxxx10x0xxxxxxxxxxxx", ReservedCondition)
            .UndefinedWhen(T32Rules.Unallocated),

        new Encoding("MSR (register)", Op.Msr, "11110011100Rnnnn10(0)0mmmm(0)(0)0(0)(0)(0)(0)(0)", Msr, Feature.Base,
            T32Rules.BadReg("n"), StatusRegisters.NoFields),
        new Encoding("MSR (banked register)", Op.MsrBanked, "11110011100Rnnnn10(0)0mmmm(0)(0)1M(0)(0)(0)(0)", Msr, Feature.Virtualization,
            T32Rules.BadReg("n")),
        new("MRS", Op.Mrs, "11110011111R(1)(1)(1)(1)10(0)0dddd(0)(0)0(0)(0)(0)(0)(0)", Mrs, Feature.Base, T32Rules.BadReg("d")),
        new("MRS (banked register)", Op.MrsBanked, "11110011111Rmmmm10(0)0dddd(0)(0)1M(0)(0)(0)(0)", Mrs, Feature.Virtualization, T32Rules.BadReg("d")),

        FixedHint("NOP.W", Op.Nop, "00000000", Fixed("nop", suffix: ".w")),
        FixedHint("YIELD.W", Op.Yield, "00000001", Fixed("yield", suffix: ".w")),
        FixedHint("WFE.W", Op.Wfe, "00000010", Fixed("wfe", suffix: ".w")),
        FixedHint("WFI.W", Op.Wfi, "00000011", Fixed("wfi", suffix: ".w")),
        FixedHint("SEV.W", Op.Sev, "00000100", Fixed("sev", suffix: ".w")),
        // ARMv8 hints, unallocated on ARMv7, where they execute as NOPs.
        FixedHint("SEVL.W", Op.Sevl, "00000101", Fixed("sevl", suffix: ".w"), Feature.Base),
        FixedHint("ESB", Op.Esb, "00010000", Fixed("esb", conditional: false), Feature.Base),
        FixedHint("CSDB", Op.Csdb, "00010100", Fixed("csdb", conditional: false), Feature.Base),
        // Armv8.1-M's pointer authentication and branch target hints, which GNU names in this space too.
        FixedHint("BTI", Op.Undefined, "00001111", Fixed("bti", conditional: false), Feature.MProfile),
        FixedHint("PACBTI", Op.Undefined, "00001101", Fixed("pacbti", conditional: false, operands: "r12, lr, sp"), Feature.MProfile),
        FixedHint("PAC", Op.Undefined, "00011101", Fixed("pac", conditional: false, operands: "r12, lr, sp"), Feature.MProfile),
        FixedHint("AUT", Op.Undefined, "00101101", Fixed("aut", conditional: false, operands: "r12, lr, sp"), Feature.MProfile),
        FixedHint("DBG", Op.Dbg, "1111iiii", Debug),
        // The other hint numbers are reserved and execute as NOP.
        FixedHint("NOP.W (reserved hint)", Op.Nop, "iiiiiiii", ReservedHint),
        new Encoding("CPS", Op.Cps, "111100111010(1)(1)(1)(1)10(0)0(0)jjMAIFiiiii", ChangeState, Feature.Base,
            ProcessorState.CpsFields, T32Rules.InItBlock).Excluding(w => (w & 0x700) == 0),

        new("CLREX", Op.Clrex, Control + "0010(1)(1)(1)(1)", Fixed("clrex")),
        new("DSB", Op.Dsb, Control + "0100iiii", Barrier),
        // Option 12 is reserved in ARMv7 (it executes as DSB SY); GNU shows it as Armv8-R's DFB.
        new("DSB (option 12)", Op.Dsb, Control + "01001100", Fixed("dfb")),
        new("SSBB", Op.Ssbb, Control + "01000000", Fixed("ssbb", conditional: false), Feature.V8),
        new("PSSBB", Op.Pssbb, Control + "01000100", Fixed("pssbb", conditional: false), Feature.V8),
        new("DMB", Op.Dmb, Control + "0101iiii", Barrier),
        new("ISB", Op.Isb, Control + "0110iiii", Barrier),
        new("SB", Op.Sb, Control + "01110000", Fixed("sb", conditional: false), Feature.V8),

        new("BXJ", Op.Bxj, "111100111100mmmm10(0)0(1)(1)(1)(1)(0)(0)(0)(0)(0)(0)(0)(0)", BranchExchangeJazelle, Feature.Base,
            T32Rules.BadReg("m"), T32Rules.BranchNotLastInItBlock),
        // SUBS PC, LR, #0 is ERET (an exception return in every PL1 mode, from ELR_hyp in Hyp mode).
        new Encoding("ERET", Op.Eret, "111100111101(1)(1)(1)(0)10(0)0(1)(1)(1)(1)00000000", ExceptionReturn, Feature.Base,
            T32Rules.BranchNotLastInItBlock),
        new Encoding("SUBS PC, LR (Thumb)", Op.Sub, "111100111101(1)(1)(1)(0)10(0)0(1)(1)(1)(1)iiiiiiii", ExceptionReturn, Feature.Base,
            T32Rules.BranchNotLastInItBlock).WithField('d', 15).WithField('n', 14).WithFlags("S"),

        new("HVC", Op.Hvc, "111101111110iiii1000iiiiiiiiiiii", Call, Feature.Virtualization, T32Rules.InItBlock),
        new("SMC", Op.Smc, "111101111111iiii1000(0)(0)(0)(0)(0)(0)(0)(0)(0)(0)(0)(0)", SecureMonitorCall, Feature.Security,
            T32Rules.BranchNotLastInItBlock),
        new("UDF.W", Op.Udf, "111101111111iiii1010iiiiiiiiiiii", Call),
        // ARMv8's debug state changes (GNU shows DCPS0 too).
        new("DCPS", Op.Undefined, "111101111000111110000000000000ii", DebugStateChange, Feature.V8),
    ];
}
