using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.RegisterListForm;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Parallel addition and subtraction: the signed, saturating, signed halving, unsigned, unsigned
/// saturating and unsigned halving forms of ADD16, ASX, SAX, SUB16, ADD8 and SUB8 (ARM ARM A5.4.1).
/// Bits 11:8 are should-be-one in the ARM ARM; GNU shows a word with any other value there as
/// UNDEFINED, and the table follows it by fixing them.
/// </summary>
public static class ParallelAddSubtract
{
    private static readonly Rule AnyPc = Rules.PcIn("dnm");

    public static readonly Encoding[] Lines =
    [
        new("SADD16", Op.Sadd16, "cccc01100001nnnndddd11110001mmmm", Of("sadd16", "D N M"), Feature.Base, AnyPc),
        new("SASX", Op.Sasx, "cccc01100001nnnndddd11110011mmmm", Of("sasx", "D N M"), Feature.Base, AnyPc),
        new("SSAX", Op.Ssax, "cccc01100001nnnndddd11110101mmmm", Of("ssax", "D N M"), Feature.Base, AnyPc),
        new("SSUB16", Op.Ssub16, "cccc01100001nnnndddd11110111mmmm", Of("ssub16", "D N M"), Feature.Base, AnyPc),
        new("SADD8", Op.Sadd8, "cccc01100001nnnndddd11111001mmmm", Of("sadd8", "D N M"), Feature.Base, AnyPc),
        new("SSUB8", Op.Ssub8, "cccc01100001nnnndddd11111111mmmm", Of("ssub8", "D N M"), Feature.Base, AnyPc),

        new("QADD16", Op.Qadd16, "cccc01100010nnnndddd11110001mmmm", Of("qadd16", "D N M"), Feature.Base, AnyPc),
        new("QASX", Op.Qasx, "cccc01100010nnnndddd11110011mmmm", Of("qasx", "D N M"), Feature.Base, AnyPc),
        new("QSAX", Op.Qsax, "cccc01100010nnnndddd11110101mmmm", Of("qsax", "D N M"), Feature.Base, AnyPc),
        new("QSUB16", Op.Qsub16, "cccc01100010nnnndddd11110111mmmm", Of("qsub16", "D N M"), Feature.Base, AnyPc),
        new("QADD8", Op.Qadd8, "cccc01100010nnnndddd11111001mmmm", Of("qadd8", "D N M"), Feature.Base, AnyPc),
        new("QSUB8", Op.Qsub8, "cccc01100010nnnndddd11111111mmmm", Of("qsub8", "D N M"), Feature.Base, AnyPc),

        new("SHADD16", Op.Shadd16, "cccc01100011nnnndddd11110001mmmm", Of("shadd16", "D N M"), Feature.Base, AnyPc),
        new("SHASX", Op.Shasx, "cccc01100011nnnndddd11110011mmmm", Of("shasx", "D N M"), Feature.Base, AnyPc),
        new("SHSAX", Op.Shsax, "cccc01100011nnnndddd11110101mmmm", Of("shsax", "D N M"), Feature.Base, AnyPc),
        new("SHSUB16", Op.Shsub16, "cccc01100011nnnndddd11110111mmmm", Of("shsub16", "D N M"), Feature.Base, AnyPc),
        new("SHADD8", Op.Shadd8, "cccc01100011nnnndddd11111001mmmm", Of("shadd8", "D N M"), Feature.Base, AnyPc),
        new("SHSUB8", Op.Shsub8, "cccc01100011nnnndddd11111111mmmm", Of("shsub8", "D N M"), Feature.Base, AnyPc),

        new("UADD16", Op.Uadd16, "cccc01100101nnnndddd11110001mmmm", Of("uadd16", "D N M"), Feature.Base, AnyPc),
        new("UASX", Op.Uasx, "cccc01100101nnnndddd11110011mmmm", Of("uasx", "D N M"), Feature.Base, AnyPc),
        new("USAX", Op.Usax, "cccc01100101nnnndddd11110101mmmm", Of("usax", "D N M"), Feature.Base, AnyPc),
        new("USUB16", Op.Usub16, "cccc01100101nnnndddd11110111mmmm", Of("usub16", "D N M"), Feature.Base, AnyPc),
        new("UADD8", Op.Uadd8, "cccc01100101nnnndddd11111001mmmm", Of("uadd8", "D N M"), Feature.Base, AnyPc),
        new("USUB8", Op.Usub8, "cccc01100101nnnndddd11111111mmmm", Of("usub8", "D N M"), Feature.Base, AnyPc),

        new("UQADD16", Op.Uqadd16, "cccc01100110nnnndddd11110001mmmm", Of("uqadd16", "D N M"), Feature.Base, AnyPc),
        new("UQASX", Op.Uqasx, "cccc01100110nnnndddd11110011mmmm", Of("uqasx", "D N M"), Feature.Base, AnyPc),
        new("UQSAX", Op.Uqsax, "cccc01100110nnnndddd11110101mmmm", Of("uqsax", "D N M"), Feature.Base, AnyPc),
        new("UQSUB16", Op.Uqsub16, "cccc01100110nnnndddd11110111mmmm", Of("uqsub16", "D N M"), Feature.Base, AnyPc),
        new("UQADD8", Op.Uqadd8, "cccc01100110nnnndddd11111001mmmm", Of("uqadd8", "D N M"), Feature.Base, AnyPc),
        new("UQSUB8", Op.Uqsub8, "cccc01100110nnnndddd11111111mmmm", Of("uqsub8", "D N M"), Feature.Base, AnyPc),

        new("UHADD16", Op.Uhadd16, "cccc01100111nnnndddd11110001mmmm", Of("uhadd16", "D N M"), Feature.Base, AnyPc),
        new("UHASX", Op.Uhasx, "cccc01100111nnnndddd11110011mmmm", Of("uhasx", "D N M"), Feature.Base, AnyPc),
        new("UHSAX", Op.Uhsax, "cccc01100111nnnndddd11110101mmmm", Of("uhsax", "D N M"), Feature.Base, AnyPc),
        new("UHSUB16", Op.Uhsub16, "cccc01100111nnnndddd11110111mmmm", Of("uhsub16", "D N M"), Feature.Base, AnyPc),
        new("UHADD8", Op.Uhadd8, "cccc01100111nnnndddd11111001mmmm", Of("uhadd8", "D N M"), Feature.Base, AnyPc),
        new("UHSUB8", Op.Uhsub8, "cccc01100111nnnndddd11111111mmmm", Of("uhsub8", "D N M"), Feature.Base, AnyPc),
    ];
}
