using Translator.Frontend.Decoding;

namespace Translator.Oracles;

/// <summary>
/// Classes of words on which Capstone 4.0.2 and Translator's decoded operands are known to differ,
/// each with its reason (mostly Capstone's own gaps and bugs, some the record's), and the classes of
/// words Capstone rejects although objdump prints them. The operand agreement target applies to every
/// other word both decode.
/// </summary>
public static class CapstoneDisagreements
{
    public sealed record Entry(string Reason, Func<Instruction, CapstoneInstruction?, string?, bool> Contains);

    private static bool TestWithoutS(in Instruction i) => i.Op is Op.Tst or Op.Teq or Op.Cmp or Op.Cmn && (i.Word & (1u << 20)) == 0;
    /// <summary>The floating-point families' words in coprocessor 9 (bits 11:8 = 1001): ARMv8.2 half precision and BFloat16.</summary>
    private static bool Coprocessor9(in Instruction i) => i.Encoding!.Family.StartsWith("Vfp", StringComparison.Ordinal) && ((i.Word >> 8) & 0xF) == 9;
    private static bool GenericCoprocessor(CapstoneInstruction c) =>
        c.Mnemonic.Length >= 3 && c.Mnemonic[..3] is "cdp" or "mcr" or "mrc" or "ldc" or "stc";
    private static bool VfpMultiple(in Instruction i) =>
        i.Op is Op.Vldm or Op.Vstm or Op.Vldmdb or Op.Vstmdb or Op.Vpush or Op.Vpop or Op.Fldmiax or Op.Fstmiax or Op.Fldmdbx or Op.Fstmdbx;
    private static bool BadVfpList(in Instruction i)
    {
        bool doubles = (i.Word & 0x100) != 0;
        int first = doubles ? VfpRegisters.Dd(i) : VfpRegisters.Sd(i);
        return i.Imm == 0 || doubles && i.Imm > 16 || first + i.Imm > 32;
    }
    private static bool ExtraLoadStoreShape(in Instruction i) => i.Encoding!.Family == "DataProcessing" && (i.Word & 0x0E00_0090) == 0x0000_0090;

    public static readonly Entry[] Operands =
    [
        new("ADC, SBC and RSC: Capstone 4 reports update_flags whether or not S is set (it counts reading the carry)",
            (i, _, d) => d == "flags" && i.Op is Op.Adc or Op.Sbc or Op.Rsc && !i.Flag('S')),
        new("LDRT, STRT, LDRBT, STRBT (post-indexed by definition): Capstone 4 reports no writeback",
            (i, _, d) => d == "writeback" && i.Op is Op.Ldrt or Op.Strt or Op.Ldrbt or Op.Strbt),
        new("LDRB and STRB post-indexed by a register: Capstone 4 reports no writeback (it does for LDR and STR)",
            (i, _, d) => d == "writeback" && i.Op is Op.Ldrb or Op.Strb && !i.Flag('P') && i.Encoding!.Pattern.Has(Field.Rm)),
        new("LDRHT, STRHT, LDRSBT, LDRSHT: Translator's record has no offset field (the patterns leave imm4H:imm4L / Rm as x), and Capstone 4 reports no writeback",
            (i, _, d) => d is "registers" or "writeback" && i.Op is Op.Ldrht or Op.Strht or Op.Ldrsbt or Op.Ldrsht),
        new("ISB with an option other than SY: Capstone 4 prints #option but its detail has neither an operand nor mem_barrier",
            (i, c, d) => d == "immediates" && i.Op == Op.Isb && c!.MemoryBarrier == 0),
        new("HVC with a condition other than AL (UNPREDICTABLE): Capstone 4 reports AL",
            (i, _, d) => d == "condition" && i.Op == Op.Hvc),
        new("MRS and MSR (banked register): Capstone 4 reports a wrong condition code",
            (i, _, d) => d == "condition" && i.Op is Op.MrsBanked or Op.MsrBanked),
        new("LDREXD, STREXD, LDAEXD, STLEXD with an odd Rt (UNPREDICTABLE): Capstone 4 clears bit 0 of Rt to make the register pair",
            (i, _, d) => d == "registers" && i.Op is Op.Ldrexd or Op.Strexd or Op.Ldaexd or Op.Stlexd && (i.Rt & 1) != 0),
        new("words of the miscellaneous and halfword-multiply rows (op1 = 10xx0): objdump and Translator read TST/TEQ/CMP/CMN with S clear or MSR (register), Capstone reads QADD/QDSUB/SMULxy/SMLAxy/..., ignoring their should-be-zero bits",
            (i, _, _) => TestWithoutS(i) || i.Op is Op.Msr or Op.MsrBanked && !i.Encoding!.Pattern.Has(Field.Rotate)),
        new("data-processing register-shifted words with bit 7 set (the extra load/store shape): objdump and Translator print the data-processing form with an illegal shifter, Capstone reads an extra load/store",
            (i, _, _) => ExtraLoadStoreShape(i)),
        new("BFC and BFI with the msb below the lsb (UNPREDICTABLE): Capstone 4 shows lsb = msb and width 1",
            (i, _, d) => d == "immediates" && i.Op is Op.Bfc or Op.Bfi && i.Imm < i.Imm2),
        new("CPS with imod 00 and M clear (UNPREDICTABLE): Capstone 4 shows the mode field as CPS #mode",
            (i, _, d) => d == "immediates" && i.Op == Op.Cps && i.Imm2 == 0 && !i.Flag('M')),
        new("SSBB, PSSBB (ARMv8 names of DSB #0 and DSB #4) and SEVL, ESB, CSDB (ARMv8 hints): Capstone 4 predates them and shows DSB #option or HINT #n, an immediate the record's line fixes",
            (i, c, d) => d == "immediates" && (i.Op is Op.Ssbb or Op.Pssbb && c!.Mnemonic == "dsb" || i.Op is Op.Sevl or Op.Esb or Op.Csdb && c!.Mnemonic.StartsWith("hint", StringComparison.Ordinal))),
        new("ARMv8.2 half-precision and BFloat16 instructions in coprocessor 9: Capstone 4 predates them and reads the generic coprocessor instruction (CDP/MCR/MRC/LDC/STC p9)",
            (i, c, _) => Coprocessor9(i) && GenericCoprocessor(c!)),
        new("VLDM, VSTM, VPUSH, VPOP, FLDMX, FSTMX with an empty list, more than 16 doubles or a list past S31/D31 (UNPREDICTABLE): Capstone 4 lists between 1 and 16 registers",
            (i, _, d) => d == "registers" && VfpMultiple(i) && BadVfpList(i)),
    ];

    public static readonly Entry[] Rejects =
    [
        new("UNPREDICTABLE words: Capstone 4 (LLVM's decoder) rejects many of them (SoftFail), such as should-be bits that differ, odd or R14 register pairs, PC operands",
            (i, _, _) => i.IsUnpredictable),
        new("LDC/STC with P, U and W clear (op1 = 000x0x, UNDEFINED in the ARM ARM, objdump prints LDC/STC with an option)",
            (i, _, _) => i.Op is Op.Ldc or Op.Stc or Op.Ldc2 or Op.Stc2 && (i.Word & 0x01A0_0000) == 0),
        new("SMC with bits 19:8 not zero (should-be-zero in the ARM ARM; the table reads them as part of the immediate)",
            (i, _, _) => i.Op == Op.Smc && (i.Word & 0x000F_FF00) != 0),
        new("MRS with bits 19:16 not 1111 or bit 8 set (should-be bits in the ARM ARM; the table reads them as the banked-register fields)",
            (i, _, _) => i.Op == Op.Mrs && ((i.Word & 0x000F_0000) != 0x000F_0000 || (i.Word & 0x100) != 0)),
        new("MSR (immediate) with mask 0 (the hint space)",
            (i, _, _) => i.Op == Op.Msr && i.Encoding!.Pattern.Has(Field.Rotate) && (i.Word & 0x000F_0000) == 0),
        new("MSR (register) with bits 11:8 (11:10 for the banked form) or 7:4 not zero (should-be-zero bits, or other rows of the ARM ARM's miscellaneous table; objdump still prints MSR and the table reads them as x)",
            (i, _, _) => i.Op is Op.Msr or Op.MsrBanked && !i.Encoding!.Pattern.Has(Field.Rotate) && (i.Word & (i.Op == Op.Msr ? 0xFF0u : 0xCF0u)) != 0),
        new("LDRHT, STRHT, LDRSBT, LDRSHT by a register with bits 11:8 not zero (should-be-zero in the ARM ARM; the table reads them as x)",
            (i, _, _) => i.Op is Op.Ldrht or Op.Strht or Op.Ldrsbt or Op.Ldrsht && (i.Word & 0x0040_0000) == 0 && (i.Word & 0xF00) != 0),
        new("TST/TEQ/CMP/CMN with S clear (op1 = 10xx0, the miscellaneous and halfword-multiply rows): objdump prints the compare, Capstone rejects what is not a halfword multiply",
            (i, _, _) => TestWithoutS(i)),
        new("data-processing register-shifted words with bit 7 set (the extra load/store shape): Capstone rejects what is not a valid extra load/store",
            (i, _, _) => ExtraLoadStoreShape(i)),
        new("ARMv8.0 CRC32/CRC32C, HLT and the load-acquire/store-release instructions (LDA*, STL*; UNDEFINED on the A15): Capstone 4.0.2 rejects them in ARM mode",
            (i, _, _) => i.Reason == Reason.MissingFeature && V8NotInCapstone(i)),
        new("extensions after ARMv8.0 (SB of v8.5, SETPAN of v8.1, VJCVT of v8.3, VINS and VMOVX of v8.2; UNDEFINED on the A15): Capstone 4 predates them",
            (i, _, _) => i.Reason == Reason.MissingFeature && i.Op is Op.Sb or Op.Setpan or Op.Vjcvt or Op.Vins or Op.Vmovx),
        new("M-profile instructions (VLLDM, VLSTM, VMRS/VMSR of FPSCR_nzcvqc, FPCXT_NS, FPCXT_S; UNDEFINED on the A15): Capstone's ARM mode is A-profile",
            (i, _, _) => i.Reason == Reason.MissingFeature && i.Encoding!.Feature == Feature.MProfile),
        new("VMSR to MVFR0, MVFR1 or MVFR2 (read-only feature registers): Capstone 4 (LLVM) decodes VMSR only to FPSID, FPSCR, FPEXC, FPINST and FPINST2",
            (i, _, _) => i.Op == Op.Vmsr && ((i.Word >> 16) & 0xF) is 5 or 6 or 7),
        new("the unallocated memory hints (PLI/PLD shapes with bit 22 or 20 clear, which execute as NOP; objdump shows them as PLDW/PLI): Capstone 4 rejects them",
            (i, _, _) => i.Op == Op.Nop && i.Encoding!.Pattern.Has(Field.Rn)),
    ];

    /// <summary>Measured with cstool: e1020041 (crc32b), e1000070 (hlt), e1900c9f (lda), e1800e9f (stlex), f57ff070 (sb) are "invalid" to Capstone 4.0.2.</summary>
    private static bool V8NotInCapstone(in Instruction i) => i.Op is Op.Crc32b or Op.Crc32h or Op.Crc32w or Op.Crc32cb or Op.Crc32ch or Op.Crc32cw
        or Op.Hlt or Op.Lda or Op.Ldab or Op.Ldah or Op.Ldaex or Op.Ldaexb or Op.Ldaexh or Op.Ldaexd
        or Op.Stl or Op.Stlb or Op.Stlh or Op.Stlex or Op.Stlexb or Op.Stlexh or Op.Stlexd;

    public static Entry? Find(in Instruction insn, CapstoneInstruction theirs, string difference)
    {
        foreach (var e in Operands) if (e.Contains(insn, theirs, difference)) return e;
        return null;
    }

    public static Entry? Rejected(in Instruction insn)
    {
        foreach (var e in Rejects) if (e.Contains(insn, null, null)) return e;
        return null;
    }
}
