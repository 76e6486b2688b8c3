using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.BranchText;

namespace Translator.Frontend.A32.Decode;

/// <summary>Branches: B, BL, BLX (immediate and register), BX, BXJ.</summary>
public static class Branch
{
    public static readonly Encoding[] Lines =
    [
        new("B", Op.B, "cccc1010iiiiiiiiiiiiiiiiiiiiiiii", Immediate),
        new("BL (immediate)", Op.Bl, "cccc1011iiiiiiiiiiiiiiiiiiiiiiii", Immediate),
        new("BLX (immediate)", Op.Blx, "1111101Hiiiiiiiiiiiiiiiiiiiiiiii", ExchangeImmediate),
        // GNU tools require the should-be-one bits of BX/BXJ/BLX (register); other values are not these instructions.
        new("BX", Op.Bx, "cccc000100101111111111110001mmmm", Register),
        new("BXJ", Op.Bxj, "cccc000100101111111111110010mmmm", Register, Feature.Base, Rules.PcIs('m')),
        new("BLX (register)", Op.Blx, "cccc000100101111111111110011mmmm", Register, Feature.Base, Rules.PcIs('m')),
    ];
}
