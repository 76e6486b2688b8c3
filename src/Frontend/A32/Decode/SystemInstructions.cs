using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.SystemInstructionsText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Exception-generating instructions (SVC, BKPT, UDF, HVC, SMC, ERET), hints, barriers, CLREX and
/// CLZ. Status-register access and the rest of the unconditional space are still to come.
/// </summary>
public static class SystemInstructions
{
    public static readonly Encoding[] Lines =
    [
        new("SVC", Op.Svc, "cccc1111iiiiiiiiiiiiiiiiiiiiiiii", Svc),
        new("BKPT", Op.Bkpt, "111000010010iiiiiiiiiiii0111iiii", Breakpoint),
        new("UDF", Op.Udf, "111001111111iiiiiiiiiiii1111iiii", PermanentlyUndefined),
        new("HVC", Op.Hvc, "cccc00010100iiiiiiiiiiii0111iiii", Call, Feature.Virtualization),
        new("SMC", Op.Smc, "cccc00010110iiiiiiiiiiii0111iiii", Call, Feature.Security),
        new("ERET", Op.Eret, "cccc0001011000000000000001101110", Bare, Feature.Virtualization),
        new("CLZ", Op.Clz, "cccc000101101111dddd11110001mmmm", Clz, Feature.Base, Rules.PcIn("dm")),

        new("NOP", Op.Nop, "cccc0011001000001111000000000000", Hint),
        new("YIELD", Op.Yield, "cccc0011001000001111000000000001", Hint),
        new("WFE", Op.Wfe, "cccc0011001000001111000000000010", Hint),
        new("WFI", Op.Wfi, "cccc0011001000001111000000000011", Hint),
        new("SEV", Op.Sev, "cccc0011001000001111000000000100", Hint),
        new("SEVL", Op.Sevl, "cccc0011001000001111000000000101", Hint, Feature.V8),
        new("ESB", Op.Esb, "11100011001000001111000000010000", Hint, Feature.V8),
        new("CSDB", Op.Csdb, "11100011001000001111000000010100", Hint, Feature.V8),
        new("DBG", Op.Dbg, "cccc001100100000111100001111iiii", Hint),
        // The other hint numbers are reserved and execute as NOP; GNU shows them as "nop {n}".
        new("NOP (reserved hint)", Op.Nop, "cccc00110010000011110000iiiiiiii", Hint),
        new("NOP (reserved hint, bad should-be bits)", Op.Nop, "cccc001100100000xxxxxxxx00000000", ReservedHint, Feature.Base,
            (in Instruction i) => Reason.ShouldBeBits),

        new("CLREX", Op.Clrex, "11110101011111111111000000011111", Bare),
        new("DSB", Op.Dsb, "1111010101111111111100000100iiii", Barrier),
        new("DMB", Op.Dmb, "1111010101111111111100000101iiii", Barrier),
        new("ISB", Op.Isb, "1111010101111111111100000110iiii", Barrier),
        new("SSBB", Op.Ssbb, "11110101011111111111000001000000", Bare, Feature.V8),
        new("PSSBB", Op.Pssbb, "11110101011111111111000001000100", Bare, Feature.V8),
        new("SB", Op.Sb, "11110101011111111111000001110000", Bare, Feature.V8),
    ];
}
