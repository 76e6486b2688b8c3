using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Decode.T32DataProcessingRules;
using static Translator.Frontend.Thumb.Disasm.T32DataProcessingText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// Data processing with a modified immediate (ARM ARM A6.3.1): the ALU operations on
/// ThumbExpandImm(i:imm3:imm8), with i:imm3 as field r and imm8 as field i, as A32's rotated
/// immediate, so that the A32 handlers run them. Rd = PC with S set is the compare; Rn = PC is MOV
/// or MVN for ORR and ORN; Rn = SP is the SP form of ADD and SUB, which allows SP as Rd. The
/// operations the table lacks (op 0101, 0110, 0111, 1001, 1100, 1111) are UNDEFINED.
/// </summary>
public static class T32DataProcessingModifiedImmediate
{
    public static readonly Encoding[] Lines =
    [
        new("AND (immediate)", Op.And, "11110r00000Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("TST (immediate)", Op.Tst, "11110r000001nnnn0rrr1111iiiiiiii", Compare, Feature.Base, NoSpOrPc("n")),
        new("BIC (immediate)", Op.Bic, "11110r00001Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("ORR (immediate)", Op.Orr, "11110r00010Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("MOV (immediate)", Op.Mov, "11110r00010S11110rrrddddiiiiiiii", Move, Feature.Base, NoSpOrPc("d")),
        new("ORN (immediate)", Op.Orn, "11110r00011Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("MVN (immediate)", Op.Mvn, "11110r00011S11110rrrddddiiiiiiii", Move, Feature.Base, NoSpOrPc("d")),
        new("EOR (immediate)", Op.Eor, "11110r00100Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("TEQ (immediate)", Op.Teq, "11110r001001nnnn0rrr1111iiiiiiii", Compare, Feature.Base, NoSpOrPc("n")),
        new("ADD (immediate)", Op.Add, "11110r01000Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, [.. NoSpOrPc("d"), Rules.PcIs('n')]),
        new Encoding("ADD (SP plus immediate)", Op.Add, "11110r01000S11010rrrddddiiiiiiii", Binary, Feature.Base, Rules.PcIs('d')).WithField('n', 13),
        new("CMN (immediate)", Op.Cmn, "11110r010001nnnn0rrr1111iiiiiiii", Compare, Feature.Base, Rules.PcIs('n')),
        new("ADC (immediate)", Op.Adc, "11110r01010Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("SBC (immediate)", Op.Sbc, "11110r01011Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
        new("SUB (immediate)", Op.Sub, "11110r01101Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, [.. NoSpOrPc("d"), Rules.PcIs('n')]),
        new Encoding("SUB (SP minus immediate)", Op.Sub, "11110r01101S11010rrrddddiiiiiiii", Binary, Feature.Base, Rules.PcIs('d')).WithField('n', 13),
        new("CMP (immediate)", Op.Cmp, "11110r011011nnnn0rrr1111iiiiiiii", Compare, Feature.Base, Rules.PcIs('n')),
        new("RSB (immediate)", Op.Rsb, "11110r01110Snnnn0rrrddddiiiiiiii", Binary, Feature.Base, NoSpOrPc("dn")),
    ];
}
