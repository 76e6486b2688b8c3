using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.RegisterListForm;
using static Translator.Frontend.Thumb.Decode.T32DataProcessingRules;
using static Translator.Frontend.Thumb.Disasm.T32DataProcessingRegisterText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// Data processing (register) (ARM ARM A6.3.12-A6.3.15): LSL, LSR, ASR and ROR by a register (the
/// shifted register Rn as field m and the amount Rm as field s, as A32's register-shifted forms), the
/// extensions with a rotation (field r), the parallel additions and subtractions, the saturating
/// additions, the reversals, SEL and CLZ, and ARMv8's CRC32. Bits 15:12 are 1111 throughout, and bit 6
/// of the extensions is should-be-zero; GNU shows a word with other values there as UNDEFINED, and
/// the table follows it. REV, REV16, RBIT, REVSH and CLZ encode Rm twice (bits 19:16 as field n,
/// bits 3:0 as field m); the two must agree. Every other word of the space is UNDEFINED.
/// </summary>
public static class T32DataProcessingRegister
{
    /// <summary>The two copies of Rm differ.</summary>
    private static readonly Rule Inconsistent = Rules.If(Reason.FieldValue, !WordTest.Same('n', 'm'));

    private static readonly Rule[] Reversal = [Inconsistent, .. NoSpOrPc("dm")];

    public static readonly Encoding[] Lines =
    [
        new("LSL (register)", Op.Lsl, "11111010000Smmmm1111dddd0000ssss", Of("lsl", "D M S", "S", ".w"), Feature.Base, NoSpOrPc("dms")),
        new("LSR (register)", Op.Lsr, "11111010001Smmmm1111dddd0000ssss", Of("lsr", "D M S", "S", ".w"), Feature.Base, NoSpOrPc("dms")),
        new("ASR (register)", Op.Asr, "11111010010Smmmm1111dddd0000ssss", Of("asr", "D M S", "S", ".w"), Feature.Base, NoSpOrPc("dms")),
        new("ROR (register)", Op.Ror, "11111010011Smmmm1111dddd0000ssss", Of("ror", "d m s", "S", ".w"), Feature.Base, NoSpOrPc("dms")),

        new("SXTAH", Op.Sxtah, "111110100000nnnn1111dddd10rrmmmm", Extend, Feature.Base, [.. NoSpOrPc("dm"), NoSp("n")]),
        new("SXTH", Op.Sxth, "1111101000001111 1111dddd10rrmmmm", Extend, Feature.Base, NoSpOrPc("dm")),
        new("UXTAH", Op.Uxtah, "111110100001nnnn1111dddd10rrmmmm", Extend, Feature.Base, [.. NoSpOrPc("dm"), NoSp("n")]),
        new("UXTH", Op.Uxth, "1111101000011111 1111dddd10rrmmmm", Extend, Feature.Base, NoSpOrPc("dm")),
        new("SXTAB16", Op.Sxtab16, "111110100010nnnn1111dddd10rrmmmm", Extend, Feature.Base, [.. NoSpOrPc("dm"), NoSp("n")]),
        new("SXTB16", Op.Sxtb16, "1111101000101111 1111dddd10rrmmmm", Extend, Feature.Base, NoSpOrPc("dm")),
        new("UXTAB16", Op.Uxtab16, "111110100011nnnn1111dddd10rrmmmm", Extend, Feature.Base, [.. NoSpOrPc("dm"), NoSp("n")]),
        new("UXTB16", Op.Uxtb16, "1111101000111111 1111dddd10rrmmmm", Extend, Feature.Base, NoSpOrPc("dm")),
        new("SXTAB", Op.Sxtab, "111110100100nnnn1111dddd10rrmmmm", Extend, Feature.Base, [.. NoSpOrPc("dm"), NoSp("n")]),
        new("SXTB", Op.Sxtb, "1111101001001111 1111dddd10rrmmmm", Extend, Feature.Base, NoSpOrPc("dm")),
        new("UXTAB", Op.Uxtab, "111110100101nnnn1111dddd10rrmmmm", Extend, Feature.Base, [.. NoSpOrPc("dm"), NoSp("n")]),
        new("UXTB", Op.Uxtb, "1111101001011111 1111dddd10rrmmmm", Extend, Feature.Base, NoSpOrPc("dm")),

        new("SADD16", Op.Sadd16, "111110101001nnnn1111dddd0000mmmm", Of("sadd16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SASX", Op.Sasx, "111110101010nnnn1111dddd0000mmmm", Of("sasx", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SSAX", Op.Ssax, "111110101110nnnn1111dddd0000mmmm", Of("ssax", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SSUB16", Op.Ssub16, "111110101101nnnn1111dddd0000mmmm", Of("ssub16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SADD8", Op.Sadd8, "111110101000nnnn1111dddd0000mmmm", Of("sadd8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SSUB8", Op.Ssub8, "111110101100nnnn1111dddd0000mmmm", Of("ssub8", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("QADD16", Op.Qadd16, "111110101001nnnn1111dddd0001mmmm", Of("qadd16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("QASX", Op.Qasx, "111110101010nnnn1111dddd0001mmmm", Of("qasx", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("QSAX", Op.Qsax, "111110101110nnnn1111dddd0001mmmm", Of("qsax", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("QSUB16", Op.Qsub16, "111110101101nnnn1111dddd0001mmmm", Of("qsub16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("QADD8", Op.Qadd8, "111110101000nnnn1111dddd0001mmmm", Of("qadd8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("QSUB8", Op.Qsub8, "111110101100nnnn1111dddd0001mmmm", Of("qsub8", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("SHADD16", Op.Shadd16, "111110101001nnnn1111dddd0010mmmm", Of("shadd16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SHASX", Op.Shasx, "111110101010nnnn1111dddd0010mmmm", Of("shasx", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SHSAX", Op.Shsax, "111110101110nnnn1111dddd0010mmmm", Of("shsax", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SHSUB16", Op.Shsub16, "111110101101nnnn1111dddd0010mmmm", Of("shsub16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SHADD8", Op.Shadd8, "111110101000nnnn1111dddd0010mmmm", Of("shadd8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("SHSUB8", Op.Shsub8, "111110101100nnnn1111dddd0010mmmm", Of("shsub8", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("UADD16", Op.Uadd16, "111110101001nnnn1111dddd0100mmmm", Of("uadd16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UASX", Op.Uasx, "111110101010nnnn1111dddd0100mmmm", Of("uasx", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("USAX", Op.Usax, "111110101110nnnn1111dddd0100mmmm", Of("usax", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("USUB16", Op.Usub16, "111110101101nnnn1111dddd0100mmmm", Of("usub16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UADD8", Op.Uadd8, "111110101000nnnn1111dddd0100mmmm", Of("uadd8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("USUB8", Op.Usub8, "111110101100nnnn1111dddd0100mmmm", Of("usub8", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("UQADD16", Op.Uqadd16, "111110101001nnnn1111dddd0101mmmm", Of("uqadd16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UQASX", Op.Uqasx, "111110101010nnnn1111dddd0101mmmm", Of("uqasx", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UQSAX", Op.Uqsax, "111110101110nnnn1111dddd0101mmmm", Of("uqsax", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UQSUB16", Op.Uqsub16, "111110101101nnnn1111dddd0101mmmm", Of("uqsub16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UQADD8", Op.Uqadd8, "111110101000nnnn1111dddd0101mmmm", Of("uqadd8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UQSUB8", Op.Uqsub8, "111110101100nnnn1111dddd0101mmmm", Of("uqsub8", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("UHADD16", Op.Uhadd16, "111110101001nnnn1111dddd0110mmmm", Of("uhadd16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UHASX", Op.Uhasx, "111110101010nnnn1111dddd0110mmmm", Of("uhasx", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UHSAX", Op.Uhsax, "111110101110nnnn1111dddd0110mmmm", Of("uhsax", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UHSUB16", Op.Uhsub16, "111110101101nnnn1111dddd0110mmmm", Of("uhsub16", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UHADD8", Op.Uhadd8, "111110101000nnnn1111dddd0110mmmm", Of("uhadd8", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("UHSUB8", Op.Uhsub8, "111110101100nnnn1111dddd0110mmmm", Of("uhsub8", "d n m"), Feature.Base, NoSpOrPc("dnm")),

        new("QADD", Op.Qadd, "111110101000nnnn1111dddd1000mmmm", Of("qadd", "d m n"), Feature.Base, NoSpOrPc("dnm")),
        new("QDADD", Op.Qdadd, "111110101000nnnn1111dddd1001mmmm", Of("qdadd", "d m n"), Feature.Base, NoSpOrPc("dnm")),
        new("QSUB", Op.Qsub, "111110101000nnnn1111dddd1010mmmm", Of("qsub", "d m n"), Feature.Base, NoSpOrPc("dnm")),
        new("QDSUB", Op.Qdsub, "111110101000nnnn1111dddd1011mmmm", Of("qdsub", "d m n"), Feature.Base, NoSpOrPc("dnm")),
        new("REV", Op.Rev, "111110101001nnnn1111dddd1000mmmm", Of("rev", "d n", qualifier: ".w"), Feature.Base, Reversal),
        new("REV16", Op.Rev16, "111110101001nnnn1111dddd1001mmmm", Of("rev16", "d n", qualifier: ".w"), Feature.Base, Reversal),
        new("RBIT", Op.Rbit, "111110101001nnnn1111dddd1010mmmm", Of("rbit", "d n"), Feature.Base, Reversal),
        new("REVSH", Op.Revsh, "111110101001nnnn1111dddd1011mmmm", Of("revsh", "d n", qualifier: ".w"), Feature.Base, Reversal),
        new("SEL", Op.Sel, "111110101010nnnn1111dddd1000mmmm", Of("sel", "d n m"), Feature.Base, NoSpOrPc("dnm")),
        new("CLZ", Op.Clz, "111110101011nnnn1111dddd1000mmmm", Of("clz", "d n"), Feature.Base, Reversal),

        new("CRC32B", Op.Crc32b, "111110101100nnnn1111dddd1000mmmm", Checksum, Feature.V8, NoSpOrPc("dnm")),
        new("CRC32H", Op.Crc32h, "111110101100nnnn1111dddd1001mmmm", Checksum, Feature.V8, NoSpOrPc("dnm")),
        new("CRC32W", Op.Crc32w, "111110101100nnnn1111dddd1010mmmm", Checksum, Feature.V8, NoSpOrPc("dnm")),
        new("CRC32CB", Op.Crc32cb, "111110101101nnnn1111dddd1000mmmm", Checksum, Feature.V8, NoSpOrPc("dnm")),
        new("CRC32CH", Op.Crc32ch, "111110101101nnnn1111dddd1001mmmm", Checksum, Feature.V8, NoSpOrPc("dnm")),
        new("CRC32CW", Op.Crc32cw, "111110101101nnnn1111dddd1010mmmm", Checksum, Feature.V8, NoSpOrPc("dnm")),
    ];
}
