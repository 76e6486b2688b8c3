using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T16DataProcessingText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// 16-bit data processing: shift (immediate), add, subtract, move and compare with low registers
/// and immediates, the data-processing (register) group, and ADD, CMP and MOV with high registers.
/// The ALU encodings without an S bit set the flags outside an IT block only. The immediates are
/// the encodings' own (imm3, imm8); where one register is both source and destination (Rdn) the
/// other fields alias it.
/// </summary>
public static class T16DataProcessing
{
    /// <summary>ADD (register) T2: PC may not be both operands.</summary>
    private static readonly Rule BothPc = Rules.If(Reason.PcOperand, WordTest.Field('n', 15) & WordTest.Field('m', 15));

    /// <summary>CMP (register) T2 is for high registers: two low ones belong to T1.</summary>
    private static readonly Rule BothLow = Rules.If(Reason.FieldValue, WordTest.FieldBits('n', ~7u, 0) & WordTest.FieldBits('m', ~7u, 0));

    public static readonly Encoding[] Lines =
    [
        // MOVS Rd, Rm is LSL #0; unlike the other flag-setting forms it is UNPREDICTABLE in an IT block.
        new Encoding("MOV (register) T2", Op.Mov, "0000000000mmmddd", MoveLow, Feature.Base, ItBlockRules.Outside).SetsFlagsOutsideItBlock(),
        new Encoding("LSL (immediate) T1", Op.Lsl, "00000yyyyymmmddd", ShiftImmediate).SetsFlagsOutsideItBlock(),
        new Encoding("LSR (immediate) T1", Op.Lsr, "00001yyyyymmmddd", ShiftImmediate).SetsFlagsOutsideItBlock(),
        new Encoding("ASR (immediate) T1", Op.Asr, "00010yyyyymmmddd", ShiftImmediate).SetsFlagsOutsideItBlock(),
        new Encoding("ADD (register) T1", Op.Add, "0001100mmmnnnddd", ThreeRegisters).SetsFlagsOutsideItBlock(),
        new Encoding("SUB (register) T1", Op.Sub, "0001101mmmnnnddd", ThreeRegisters).SetsFlagsOutsideItBlock(),
        new Encoding("ADD (immediate) T1", Op.Add, "0001110iiinnnddd", TwoRegistersImmediate).SetsFlagsOutsideItBlock(),
        new Encoding("SUB (immediate) T1", Op.Sub, "0001111iiinnnddd", TwoRegistersImmediate).SetsFlagsOutsideItBlock(),
        new Encoding("MOV (immediate) T1", Op.Mov, "00100dddiiiiiiii", RegisterImmediate).SetsFlagsOutsideItBlock(),
        new("CMP (immediate) T1", Op.Cmp, "00101nnniiiiiiii", CompareImmediate),
        new Encoding("ADD (immediate) T2", Op.Add, "00110dddiiiiiiii", RegisterImmediate).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("SUB (immediate) T2", Op.Sub, "00111dddiiiiiiii", RegisterImmediate).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),

        // Data-processing (register): Rdn in bits 2:0, the other register in bits 5:3.
        new Encoding("AND (register) T1", Op.And, "0100000000mmmddd", Pair('d', 'm')).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("EOR (register) T1", Op.Eor, "0100000001mmmddd", Pair('d', 'm')).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        // The shifts by a register shift Rdn (field m, as in A32) by Rm (field s).
        new Encoding("LSL (register) T1", Op.Lsl, "0100000010sssddd", Pair('d', 's')).Aliasing('m', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("LSR (register) T1", Op.Lsr, "0100000011sssddd", Pair('d', 's')).Aliasing('m', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("ASR (register) T1", Op.Asr, "0100000100sssddd", Pair('d', 's')).Aliasing('m', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("ADC (register) T1", Op.Adc, "0100000101mmmddd", Pair('d', 'm')).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("SBC (register) T1", Op.Sbc, "0100000110mmmddd", Pair('d', 'm')).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("ROR (register) T1", Op.Ror, "0100000111sssddd", Pair('d', 's')).Aliasing('m', 'd').SetsFlagsOutsideItBlock(),
        new("TST (register) T1", Op.Tst, "0100001000mmmnnn", Pair('n', 'm')),
        // RSBS Rd, Rn, #0 (GNU: NEGS).
        new Encoding("RSB (immediate) T1", Op.Rsb, "0100001001nnnddd", Pair('d', 'n')).SetsFlagsOutsideItBlock(),
        new("CMP (register) T1", Op.Cmp, "0100001010mmmnnn", Pair('n', 'm')),
        new("CMN (register) T1", Op.Cmn, "0100001011mmmnnn", Pair('n', 'm')),
        new Encoding("ORR (register) T1", Op.Orr, "0100001100mmmddd", Pair('d', 'm')).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        // MULS Rdm, Rn, Rdm.
        new Encoding("MUL T1", Op.Mul, "0100001101nnnddd", Pair('d', 'n')).Aliasing('m', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("BIC (register) T1", Op.Bic, "0100001110mmmddd", Pair('d', 'm')).Aliasing('n', 'd').SetsFlagsOutsideItBlock(),
        new Encoding("MVN (register) T1", Op.Mvn, "0100001111mmmddd", Pair('d', 'm')).SetsFlagsOutsideItBlock(),

        // Special data: the register of bits 7 and 2:0 (DN:Rdn) and a register of bits 6:3, any of r0-r15.
        // SP as either operand is ADD (SP plus register), whose lines are the more specific.
        new Encoding("ADD (register) T2", Op.Add, "01000100dmmmmddd", HighRegisters, Feature.Base, BothPc, ItBlockRules.PcWriteLastIfInside)
            .Aliasing('n', 'd'),
        new Encoding("ADD (SP plus register) T1", Op.Add, "01000100d1101ddd", HighRegisters, Feature.Base, ItBlockRules.PcWriteLastIfInside)
            .WithField('n', 13).Aliasing('m', 'd'),
        new Encoding("ADD (SP plus register) T2", Op.Add, "010001001mmmm101", HighRegisters)
            .WithField('d', 13).WithField('n', 13).Excluding(w => (w >> 3 & 0xF) == 13),
        new("CMP (register) T2", Op.Cmp, "01000101nmmmmnnn", HighRegisters, Feature.Base, BothLow, Rules.PcIn("nm")),
        new("MOV (register) T1", Op.Mov, "01000110dmmmmddd", HighRegisters, Feature.Base, ItBlockRules.PcWriteLastIfInside),
    ];
}
