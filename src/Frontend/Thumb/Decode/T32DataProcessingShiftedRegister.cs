using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Decode.T32DataProcessingRules;
using static Translator.Frontend.Thumb.Disasm.T32DataProcessingShiftedRegisterText;
using static Translator.Frontend.Thumb.Disasm.T32DataProcessingText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// Data processing with a register shifted by an immediate (ARM ARM A6.3.11): the ALU operations,
/// with the shift amount imm3:imm2 as field y and the type as field z as in A32; MOV and its shift
/// aliases (LSL, LSR, ASR, ROR, RRX by an immediate) where Rn is PC; PKHBT and PKHTB. Rd = PC with S
/// set is the compare; Rn = SP is the SP form of ADD and SUB, which allows SP as Rd with a small left
/// shift. Bit 15 is should-be-zero in the ARM ARM; GNU shows a word with it set as UNDEFINED, and the
/// table follows it by fixing it. The operations the table lacks are UNDEFINED, as are PKH with S or
/// T set.
/// </summary>
public static class T32DataProcessingShiftedRegister
{
    /// <summary>ADD and SUB (SP plus/minus register): SP as Rd only with LSL by at most 3.</summary>
    private static readonly Rule SpDestinationShift = Rules.If(Reason.SpOperand, WordTest.Field('d', 13)
        & (WordTest.AnyFieldBit('z', ~0u) | WordTest.AnyFieldBit('y', ~3u)));

    /// <summary>MOV (register): SP or PC with S set; PC, or SP to SP, without.</summary>
    private static readonly Rule MoveRegisters = Rules.FirstOf(
        Rules.PcIn("dm"),
        Rules.If(Reason.SpOperand, WordTest.Flag('S') & (WordTest.Field('d', 13) | WordTest.Field('m', 13))),
        Rules.If(Reason.SpOperand, WordTest.Flag('S', false) & WordTest.Field('d', 13) & WordTest.Field('m', 13)));

    public static readonly Encoding[] Lines =
    [
        new("AND (register)", Op.And, "11101010000Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("TST (register)", Op.Tst, "111010100001nnnn0yyy1111yyzzmmmm", Compare, Feature.Base, NoSpOrPc("nm")),
        new("BIC (register)", Op.Bic, "11101010001Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("ORR (register)", Op.Orr, "11101010010Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("MOV (register)", Op.Mov, "11101010010S11110000dddd0000mmmm", Move, Feature.Base, MoveRegisters),
        new("LSL (immediate)", Op.Lsl, "11101010010S11110yyyddddyy00mmmm", Move, Feature.Base, NoSpOrPc("dm")),
        new("LSR (immediate)", Op.Lsr, "11101010010S11110yyyddddyy01mmmm", Move, Feature.Base, NoSpOrPc("dm")),
        new("ASR (immediate)", Op.Asr, "11101010010S11110yyyddddyy10mmmm", Move, Feature.Base, NoSpOrPc("dm")),
        new("ROR (immediate)", Op.Ror, "11101010010S11110yyyddddyy11mmmm", Move, Feature.Base, NoSpOrPc("dm")),
        new("RRX", Op.Rrx, "11101010010S11110000dddd0011mmmm", Move, Feature.Base, NoSpOrPc("dm")),
        new("ORN (register)", Op.Orn, "11101010011Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("MVN (register)", Op.Mvn, "11101010011S11110yyyddddyyzzmmmm", Move, Feature.Base, NoSpOrPc("dm")),
        new("EOR (register)", Op.Eor, "11101010100Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("TEQ (register)", Op.Teq, "111010101001nnnn0yyy1111yyzzmmmm", Compare, Feature.Base, NoSpOrPc("nm")),
        new("PKHBT", Op.Pkhbt, "111010101100nnnn0yyyddddyy00mmmm", Pack, Feature.Base, NoSpOrPc("dnm")),
        new("PKHTB", Op.Pkhtb, "111010101100nnnn0yyyddddyy10mmmm", Pack, Feature.Base, NoSpOrPc("dnm")),
        new("ADD (register)", Op.Add, "11101011000Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, [.. NoSpOrPc("dm"), Rules.PcIs('n')]),
        new Encoding("ADD (SP plus register)", Op.Add, "11101011000S11010yyyddddyyzzmmmm", Binary, Feature.Base, [.. NoSpOrPc("m"), Rules.PcIs('d'), SpDestinationShift]).WithField('n', 13),
        new("CMN (register)", Op.Cmn, "111010110001nnnn0yyy1111yyzzmmmm", Compare, Feature.Base, [.. NoSpOrPc("m"), Rules.PcIs('n')]),
        new("ADC (register)", Op.Adc, "11101011010Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("SBC (register)", Op.Sbc, "11101011011Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
        new("SUB (register)", Op.Sub, "11101011101Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, [.. NoSpOrPc("dm"), Rules.PcIs('n')]),
        new Encoding("SUB (SP minus register)", Op.Sub, "11101011101S11010yyyddddyyzzmmmm", Binary, Feature.Base, [.. NoSpOrPc("m"), Rules.PcIs('d'), SpDestinationShift]).WithField('n', 13),
        new("CMP (register)", Op.Cmp, "111010111011nnnn0yyy1111yyzzmmmm", Compare, Feature.Base, [.. NoSpOrPc("m"), Rules.PcIs('n')]),
        new("RSB (register)", Op.Rsb, "11101011110Snnnn0yyyddddyyzzmmmm", Binary, Feature.Base, NoSpOrPc("dnm")),
    ];
}
