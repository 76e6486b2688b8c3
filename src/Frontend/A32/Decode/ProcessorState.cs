using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.ProcessorStateText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Processor-state changes of the unconditional space: CPS, SETEND, SETPAN, and the exception
/// helpers SRS and RFE. GNU tools decode CPS, SETPAN, SRS and RFE only with their should-be bits at
/// the values the ARM ARM asks for, and SETEND only with bits 19:17 and 15:10 clear; other words are
/// not these instructions here (UNDEFINED, a permitted outcome of the ARM ARM's UNPREDICTABLE).
/// </summary>
public static class ProcessorState
{
    /// <summary>The modes of an ARMv7-A processor with the Security and Virtualization Extensions (BadMode is false).</summary>
    private static bool ValidMode(uint mode) => mode is 0x10 or 0x11 or 0x12 or 0x13 or 0x16 or 0x17 or 0x1A or 0x1B or 0x1F;

    /// <summary>
    /// CPS A1: a mode without M, an enable/disable without flags (or flags without one), imod 01,
    /// imod 00 without a mode change, and a change to a mode that does not exist are UNPREDICTABLE.
    /// </summary>
    internal static readonly Rule CpsFields = (in Instruction i) =>
    {
        uint imod = i.Imm2, mode = i.Imm;
        bool changeMode = i.Flag('M'), flags = i.Flag('A') || i.Flag('I') || i.Flag('F');
        if (mode != 0 && !changeMode) return Reason.FieldValue;
        if ((imod >> 1) == 1 != flags) return Reason.FieldValue;
        if (imod == 0b01 || (imod == 0b00 && !changeMode)) return Reason.FieldValue;
        return changeMode && !ValidMode(mode) ? Reason.FieldValue : Reason.None;
    };

    /// <summary>SRS names the mode whose stack receives LR and SPSR: Hyp mode, or a mode that does not exist, is UNPREDICTABLE.</summary>
    internal static readonly Rule SrsMode = (in Instruction i) =>
        !ValidMode(i.Imm) || i.Imm == 0x1A ? Reason.FieldValue : Reason.None;

    /// <summary>SETEND's bits 7:4 are part of its opcode (0000); GNU shows the other values as SETEND too.</summary>
    private static readonly Rule SetendOpcode = (in Instruction i) =>
        (i.Word & 0xF0) != 0 ? Reason.NoEncoding : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new("CPS", Op.Cps, "111100010000jjM00000000AIF0iiiii", ChangeState, Feature.Base, CpsFields),
        new Encoding("SETEND", Op.Setend, "1111000100000001000000E(0)xxxx(0)(0)(0)(0)", SetEndianness).UndefinedWhen(SetendOpcode),
        new("SETPAN", Op.Setpan, "1111000100010000000000i000000000", SetPan, Feature.V8),
        new("SRS", Op.Srs, "1111100PU1W0110100000101000iiiii", StoreReturnState, Feature.Base, SrsMode),
        new("RFE", Op.Rfe, "1111100PU0W1nnnn0000101000000000", ReturnFromException, Feature.Base, Rules.PcIs('n')),
    ];
}
