using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.CoprocessorText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// The generic coprocessor instructions: MCR/MRC, MCRR/MRRC, LDC/STC, CDP and their unconditional
/// *2 forms. Coprocessors 9, 10 and 11 are the floating-point and SIMD extension spaces: their
/// register transfers and loads/stores are the VFP family's, not generic ones.
/// </summary>
public static class Coprocessor
{
    private static bool FloatingPoint(uint word) => ((word >> 8) & 0xF) is 9 or 10 or 11;

    public static readonly Encoding[] Lines =
    [
        new("MCRR", Op.Mcrr, "cccc11000100uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")),
        new("MRRC", Op.Mrrc, "cccc11000101uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")),
        new("CDP", Op.Cdp, "cccc1110oooonnnnddddppppqqq0mmmm", DataOperation),
        new Encoding("MCR", Op.Mcr, "cccc1110ooo0nnnnttttppppqqq1mmmm", Transfer, Feature.Base, Rules.PcIs('t')).Excluding(FloatingPoint),
        new Encoding("MRC", Op.Mrc, "cccc1110ooo1nnnnttttppppqqq1mmmm", Transfer).Excluding(FloatingPoint),
        new Encoding("STC", Op.Stc, "cccc110PUNW0nnnnddddppppiiiiiiii", MemoryTransfer).Excluding(FloatingPoint),
        new Encoding("LDC", Op.Ldc, "cccc110PUNW1nnnnddddppppiiiiiiii", MemoryTransfer).Excluding(FloatingPoint),

        new("MCRR2", Op.Mcrr2, "111111000100uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")),
        new("MRRC2", Op.Mrrc2, "111111000101uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")),
        new("STC2", Op.Stc2, "1111110PUNW0nnnnddddppppiiiiiiii", MemoryTransfer),
        new("LDC2", Op.Ldc2, "1111110PUNW1nnnnddddppppiiiiiiii", MemoryTransfer),
        new("CDP2", Op.Cdp2, "11111110oooonnnnddddppppqqq0mmmm", DataOperation),
        new("MCR2", Op.Mcr2, "11111110ooo0nnnnttttppppqqq1mmmm", Transfer, Feature.Base, Rules.PcIs('t')),
        new("MRC2", Op.Mrc2, "11111110ooo1nnnnttttppppqqq1mmmm", Transfer),
    ];
}
