using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T16MiscellaneousText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// ADR, ADD Rd, SP, #imm, and the miscellaneous 16-bit instructions: ADD/SUB SP, #imm, the
/// extends, the byte reversals, SETEND, CPS, BKPT, IT and the hints (with ARMv8's HLT, SEVL and
/// ARMv8.1's SETPAN, which GNU tools show too). The immediates of ADR and the SP forms are in
/// words, as encoded. In IT, field i is firstcond and j the mask.
/// </summary>
public static class T16Miscellaneous
{
    /// <summary>CPS T1 changing none of A, I and F is UNPREDICTABLE.</summary>
    private static readonly Rule NoFlags =
        Rules.If(Reason.FieldValue, WordTest.Flag('A', false) & WordTest.Flag('I', false) & WordTest.Flag('F', false));

    /// <summary>IT with firstcond 1111, or AL with an 'else' slot (a condition 1111), is UNPREDICTABLE.</summary>
    private static readonly Rule ItCondition = (in Instruction i) =>
        i.Imm == 0b1111 || (i.Imm == 0b1110 && uint.PopCount(i.Imm2) != 1) ? Reason.FieldValue : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new Encoding("ADR T1", Op.Adr, "10100dddiiiiiiii", Adr).WithField('n', 15).ImmediateInUnitsOf(4),
        new Encoding("ADD (SP plus immediate) T1", Op.Add, "10101dddiiiiiiii", StackPointerImmediate).WithField('n', 13).ImmediateInUnitsOf(4),
        new Encoding("ADD (SP plus immediate) T2", Op.Add, "101100000iiiiiii", StackPointerImmediate).WithField('d', 13).WithField('n', 13).ImmediateInUnitsOf(4),
        new Encoding("SUB (SP minus immediate) T1", Op.Sub, "101100001iiiiiii", StackPointerImmediate).WithField('d', 13).WithField('n', 13).ImmediateInUnitsOf(4),

        new("SXTH T1", Op.Sxth, "1011001000mmmddd", TwoRegisters),
        new("SXTB T1", Op.Sxtb, "1011001001mmmddd", TwoRegisters),
        new("UXTH T1", Op.Uxth, "1011001010mmmddd", TwoRegisters),
        new("UXTB T1", Op.Uxtb, "1011001011mmmddd", TwoRegisters),
        new("REV T1", Op.Rev, "1011101000mmmddd", TwoRegisters),
        new("REV16 T1", Op.Rev16, "1011101001mmmddd", TwoRegisters),
        new("HLT T1", Op.Hlt, "1011101010iiiiii", Halt, Feature.V8),
        new("REVSH T1", Op.Revsh, "1011101011mmmddd", TwoRegisters),

        // GNU tools decode SETEND only with bit 4 set and bits 2:0 clear, and CPS only with bit 3
        // clear (should-be bits in the ARM ARM): other values are not these instructions here.
        new("SETEND T1", Op.Setend, "101101100101E000", SetEndianness, Feature.Base, ItBlockRules.Outside),
        new("SETPAN T1", Op.Setpan, "101101100001i000", ProcessorStateText.SetPan, Feature.V8),
        // Bit 4 (im) is imod<0>: CPSIE is imod 10, CPSID 11, as in the A32 line.
        new Encoding("CPS T1", Op.Cps, "10110110011j0AIF", ChangeState, Feature.Base, NoFlags, ItBlockRules.Outside).WithField('j', 0b10),
        new("BKPT T1", Op.Bkpt, "10111110iiiiiiii", Breakpoint),

        new("IT", Op.It, "10111111iiiijjjj", IfThen, Feature.Base, ItCondition, ItBlockRules.Outside),
        new("NOP T1", Op.Nop, "1011111100000000", Hint),
        new("YIELD T1", Op.Yield, "1011111100010000", Hint),
        new("WFE T1", Op.Wfe, "1011111100100000", Hint),
        new("WFI T1", Op.Wfi, "1011111100110000", Hint),
        new("SEV T1", Op.Sev, "1011111101000000", Hint),
        // An unallocated hint on ARMv7, which executes as a NOP.
        new("SEVL T1", Op.Sevl, "1011111101010000", Hint),
        // The other hint numbers are reserved and execute as NOP.
        new("NOP (reserved hint) T1", Op.Nop, "10111111iiii0000", ReservedHint),
    ];
}
