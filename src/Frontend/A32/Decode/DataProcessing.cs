using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.DataProcessingText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Data processing: the sixteen ALU operations with an immediate, an immediate-shifted register or
/// a register-shifted register, the shift aliases of MOV, and MOVW/MOVT.
/// </summary>
public static class DataProcessing
{
    private static readonly Rule ShiftedByRegister = Rules.PcIn("dnms");

    /// <summary>TST, TEQ, CMP and CMN with S clear are other instructions in the ARM ARM; GNU tools still name them so.</summary>
    private static readonly Rule TestFlags = Rules.FirstOf(
        Rules.If(Reason.FieldValue, !WordTest.Flag('S') & WordTest.Bits(1u << 20, 0)),
        Rules.If(Reason.ShouldBeBits, !WordTest.Field('d', 0)));

    /// <summary>Bit 7 set with bit 4 set is the extra load/store space; GNU still shows such TEQ words as TEQ.</summary>
    private static readonly Rule IllegalShifter = Rules.If(Reason.ShouldBeBits, WordTest.Bits(0x80, 0x80));

    public static readonly Encoding[] Lines =
    [
        new("AND (immediate)", Op.And, "cccc0010000Snnnnddddrrrriiiiiiii", Binary),
        new("AND (register)", Op.And, "cccc0000000Snnnnddddyyyyyzz0mmmm", Binary),
        new("AND (register-shifted register)", Op.And, "cccc0000000Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("EOR (immediate)", Op.Eor, "cccc0010001Snnnnddddrrrriiiiiiii", Binary),
        new("EOR (register)", Op.Eor, "cccc0000001Snnnnddddyyyyyzz0mmmm", Binary),
        new("EOR (register-shifted register)", Op.Eor, "cccc0000001Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("SUB (immediate)", Op.Sub, "cccc0010010Snnnnddddrrrriiiiiiii", Binary),
        new("SUB (register)", Op.Sub, "cccc0000010Snnnnddddyyyyyzz0mmmm", Binary),
        new("SUB (register-shifted register)", Op.Sub, "cccc0000010Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("RSB (immediate)", Op.Rsb, "cccc0010011Snnnnddddrrrriiiiiiii", Binary),
        new("RSB (register)", Op.Rsb, "cccc0000011Snnnnddddyyyyyzz0mmmm", Binary),
        new("RSB (register-shifted register)", Op.Rsb, "cccc0000011Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("ADD (immediate)", Op.Add, "cccc0010100Snnnnddddrrrriiiiiiii", Binary),
        new("ADD (register)", Op.Add, "cccc0000100Snnnnddddyyyyyzz0mmmm", Binary),
        new("ADD (register-shifted register)", Op.Add, "cccc0000100Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("ADC (immediate)", Op.Adc, "cccc0010101Snnnnddddrrrriiiiiiii", Binary),
        new("ADC (register)", Op.Adc, "cccc0000101Snnnnddddyyyyyzz0mmmm", Binary),
        new("ADC (register-shifted register)", Op.Adc, "cccc0000101Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("SBC (immediate)", Op.Sbc, "cccc0010110Snnnnddddrrrriiiiiiii", Binary),
        new("SBC (register)", Op.Sbc, "cccc0000110Snnnnddddyyyyyzz0mmmm", Binary),
        new("SBC (register-shifted register)", Op.Sbc, "cccc0000110Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("RSC (immediate)", Op.Rsc, "cccc0010111Snnnnddddrrrriiiiiiii", Binary),
        new("RSC (register)", Op.Rsc, "cccc0000111Snnnnddddyyyyyzz0mmmm", Binary),
        new("RSC (register-shifted register)", Op.Rsc, "cccc0000111Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("ORR (immediate)", Op.Orr, "cccc0011100Snnnnddddrrrriiiiiiii", Binary),
        new("ORR (register)", Op.Orr, "cccc0001100Snnnnddddyyyyyzz0mmmm", Binary),
        new("ORR (register-shifted register)", Op.Orr, "cccc0001100Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("BIC (immediate)", Op.Bic, "cccc0011110Snnnnddddrrrriiiiiiii", Binary),
        new("BIC (register)", Op.Bic, "cccc0001110Snnnnddddyyyyyzz0mmmm", Binary),
        new("BIC (register-shifted register)", Op.Bic, "cccc0001110Snnnnddddssss0zz1mmmm", Binary, Feature.Base, ShiftedByRegister),
        new("TST (immediate)", Op.Tst, "cccc0011000Snnnnddddrrrriiiiiiii", Compare, Feature.Base, TestFlags),
        new("TST (register)", Op.Tst, "cccc0001000Snnnnddddyyyyyzz0mmmm", Compare, Feature.Base, TestFlags),
        new("TST (register-shifted register)", Op.Tst, "cccc0001000Snnnnddddssss0zz1mmmm", Compare, Feature.Base, TestFlags, ShiftedByRegister),
        new("TEQ (immediate)", Op.Teq, "cccc00110011nnnnddddrrrriiiiiiii", Compare, Feature.Base, TestFlags),
        new("TEQ (register)", Op.Teq, "cccc00010011nnnnddddyyyyyzz0mmmm", Compare, Feature.Base, TestFlags),
        new Encoding("TEQ (register-shifted register)", Op.Teq, "cccc00010011nnnnddddssssxzz1mmmm", Compare, Feature.Base, IllegalShifter, TestFlags, ShiftedByRegister).Excluding(w => (w & 0xFF0) == 0x090),
        new("CMP (immediate)", Op.Cmp, "cccc0011010Snnnnddddrrrriiiiiiii", Compare, Feature.Base, TestFlags),
        new("CMP (register)", Op.Cmp, "cccc0001010Snnnnddddyyyyyzz0mmmm", Compare, Feature.Base, TestFlags),
        new("CMP (register-shifted register)", Op.Cmp, "cccc0001010Snnnnddddssss0zz1mmmm", Compare, Feature.Base, TestFlags, ShiftedByRegister),
        new("CMN (immediate)", Op.Cmn, "cccc0011011Snnnnddddrrrriiiiiiii", Compare, Feature.Base, TestFlags),
        new("CMN (register)", Op.Cmn, "cccc0001011Snnnnddddyyyyyzz0mmmm", Compare, Feature.Base, TestFlags),
        new("CMN (register-shifted register)", Op.Cmn, "cccc0001011Snnnnddddssss0zz1mmmm", Compare, Feature.Base, TestFlags, ShiftedByRegister),
        new("MOV (immediate)", Op.Mov, "cccc0011101S0000ddddrrrriiiiiiii", Move),
        new("MOV (register)", Op.Mov, "cccc0001101S0000dddd00000000mmmm", Move),
        new("LSL (immediate)", Op.Lsl, "cccc0001101S0000ddddyyyyy000mmmm", Move),
        new("LSR (immediate)", Op.Lsr, "cccc0001101S0000ddddyyyyy010mmmm", Move),
        new("ASR (immediate)", Op.Asr, "cccc0001101S0000ddddyyyyy100mmmm", Move),
        new("ROR (immediate)", Op.Ror, "cccc0001101S0000ddddyyyyy110mmmm", Move),
        new("RRX", Op.Rrx, "cccc0001101S0000dddd00000110mmmm", Move),
        new("LSL (register)", Op.Lsl, "cccc0001101S0000ddddssss0001mmmm", Move, Feature.Base, ShiftedByRegister),
        new("LSR (register)", Op.Lsr, "cccc0001101S0000ddddssss0011mmmm", Move, Feature.Base, ShiftedByRegister),
        new("ASR (register)", Op.Asr, "cccc0001101S0000ddddssss0101mmmm", Move, Feature.Base, ShiftedByRegister),
        new("ROR (register)", Op.Ror, "cccc0001101S0000ddddssss0111mmmm", Move, Feature.Base, ShiftedByRegister),
        // A register shift with bit 7 set is not a shift (GNU: "illegal shifter operand"), unless it is an extra load/store.
        new Encoding("LSL/LSR/ASR/ROR (register, bit 7 set)", Op.Mov, "cccc0001101S0000ddddssss1zz1mmmm", IllegalShift, Feature.Base, IllegalShifter)
            .Excluding(w => ((w & 0xF00) == 0 && (w & 0x60) != 0) || ((w & (1u << 20)) == 0 && (w & 0x40) != 0) || (w & 0x0010_0FF0) == 0x0010_0090),
        new("MVN (immediate)", Op.Mvn, "cccc0011111S(0)(0)(0)(0)ddddrrrriiiiiiii", Move),
        new("MVN (register)", Op.Mvn, "cccc0001111S(0)(0)(0)(0)ddddyyyyyzz0mmmm", Move),
        new("MVN (register-shifted register)", Op.Mvn, "cccc0001111S(0)(0)(0)(0)ddddssss0zz1mmmm", Move, Feature.Base, ShiftedByRegister),
        new("MOVW", Op.Movw, "cccc00110000iiiiddddiiiiiiiiiiii", Wide, Feature.Base, Rules.PcIs('d')),
        new("MOVT", Op.Movt, "cccc00110100iiiiddddiiiiiiiiiiii", Wide, Feature.Base, Rules.PcIs('d')),
    ];
}
