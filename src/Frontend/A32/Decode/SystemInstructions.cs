using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.SystemInstructionsText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Exception-generating instructions (SVC, BKPT, UDF, HVC, SMC, ERET, HLT), hints, memory hints
/// (PLD, PLDW, PLI), barriers, CLREX and CLZ.
/// </summary>
public static class SystemInstructions
{
    /// <summary>
    /// Register-offset memory hints with bit 4 set are unallocated in the ARM ARM (UNDEFINED);
    /// GNU still shows them, with a register-shifted offset.
    /// </summary>
    private static readonly Rule RegisterShiftedOffset = (in Instruction i) => i.Flag('B') ? Reason.NoEncoding : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new("SVC", Op.Svc, "cccc1111iiiiiiiiiiiiiiiiiiiiiiii", Svc),
        new("BKPT", Op.Bkpt, "111000010010iiiiiiiiiiii0111iiii", Breakpoint),
        new("UDF", Op.Udf, "111001111111iiiiiiiiiiii1111iiii", PermanentlyUndefined),
        new("HVC", Op.Hvc, "cccc00010100iiiiiiiiiiii0111iiii", Call, Feature.Virtualization),
        new("SMC", Op.Smc, "cccc00010110iiiiiiiiiiii0111iiii", Call, Feature.Security),
        new("ERET", Op.Eret, "cccc0001011000000000000001101110", Bare, Feature.Virtualization),
        // ARMv8; a condition other than AL is UNPREDICTABLE, and GNU shows those words as TST.
        new("HLT", Op.Hlt, "111000010000iiiiiiiiiiii0111iiii", Halt, Feature.V8),
        new("CLZ", Op.Clz, "cccc000101101111dddd11110001mmmm", Clz, Feature.Base, Rules.PcIn("dm")),

        new("NOP", Op.Nop, "cccc0011001000001111000000000000", Hint),
        new("YIELD", Op.Yield, "cccc0011001000001111000000000001", Hint),
        new("WFE", Op.Wfe, "cccc0011001000001111000000000010", Hint),
        new("WFI", Op.Wfi, "cccc0011001000001111000000000011", Hint),
        new("SEV", Op.Sev, "cccc0011001000001111000000000100", Hint),
        // ARMv8's SEVL, ESB and CSDB are hints an ARMv7 processor has not allocated, which execute as
        // NOPs (Linux issues CSDB on every processor).
        new("SEVL", Op.Sevl, "cccc0011001000001111000000000101", Hint),
        new("ESB", Op.Esb, "11100011001000001111000000010000", Hint),
        new("CSDB", Op.Csdb, "11100011001000001111000000010100", Hint),
        new("DBG", Op.Dbg, "cccc001100100000111100001111iiii", Hint),
        // The other hint numbers are reserved and execute as NOP; GNU shows them as "nop {n}".
        new("NOP (reserved hint)", Op.Nop, "cccc00110010000011110000iiiiiiii", Hint),
        // With bits 15:12 all ones GNU shows these words as MSR of no fields (see StatusRegisters).
        new Encoding("NOP (reserved hint, bad should-be bits)", Op.Nop, "cccc001100100000xxxxxxxx00000000", ReservedHint, Feature.Base,
            (in Instruction i) => Reason.ShouldBeBits).Excluding(w => (w & 0xF000) == 0xF000),

        // Memory hints. GNU requires bits 15:12 (should-be-one in the ARM ARM) to be ones, and shows the
        // unallocated hints (which execute as NOP) as post-indexed PLDW.
        new("PLI (immediate, literal)", Op.Pli, "11110100U101nnnn1111iiiiiiiiiiii", Preload),
        new("PLD (immediate, literal)", Op.Pld, "11110101U101nnnn1111iiiiiiiiiiii", Preload),
        new("PLDW (immediate)", Op.Pldw, "11110101U001nnnn1111iiiiiiiiiiii", Preload, Feature.Mp, Rules.PcIs('n')),
        new("NOP (unallocated memory hint, immediate)", Op.Nop, "11110100U001nnnn1111iiiiiiiiiiii", Preload),
        new Encoding("PLI (register)", Op.Pli, "11110110U101nnnn1111yyyyyzzBmmmm", Preload, Feature.Base, Rules.PcIs('m'))
            .UndefinedWhen(RegisterShiftedOffset),
        new Encoding("PLD (register)", Op.Pld, "11110111U101nnnn1111yyyyyzzBmmmm", Preload, Feature.Base, Rules.PcIs('m'))
            .UndefinedWhen(RegisterShiftedOffset),
        new Encoding("PLDW (register)", Op.Pldw, "11110111U001nnnn1111yyyyyzzBmmmm", Preload, Feature.Mp, Rules.PcIn("mn"))
            .UndefinedWhen(RegisterShiftedOffset),
        new Encoding("NOP (unallocated memory hint, register)", Op.Nop, "11110110U001nnnn1111yyyyyzzBmmmm", Preload)
            .UndefinedWhen(RegisterShiftedOffset),

        new("CLREX", Op.Clrex, "11110101011111111111000000011111", Bare),
        new("DSB", Op.Dsb, "1111010101111111111100000100iiii", Barrier),
        // Option 12 is reserved in ARMv7 (it executes as DSB SY); GNU shows it as Armv8-R's DFB.
        new("DSB (option 12)", Op.Dsb, "11110101011111111111000001001100", FullBarrier),
        new("DMB", Op.Dmb, "1111010101111111111100000101iiii", Barrier),
        new("ISB", Op.Isb, "1111010101111111111100000110iiii", Barrier),
        new("SSBB", Op.Ssbb, "11110101011111111111000001000000", Bare, Feature.V8),
        new("PSSBB", Op.Pssbb, "11110101011111111111000001000100", Bare, Feature.V8),
        new("SB", Op.Sb, "11110101011111111111000001110000", Bare, Feature.V8),
    ];
}
