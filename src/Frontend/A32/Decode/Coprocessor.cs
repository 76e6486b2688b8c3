using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.CoprocessorText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// The generic coprocessor instructions: MCR/MRC, MCRR/MRRC, LDC/STC, CDP and their unconditional
/// *2 forms. Coprocessors 9, 10 and 11 are the floating-point and SIMD extension spaces: their
/// data operations, register transfers and loads/stores are the VFP family's, not generic ones.
/// GNU still prints the MCRR/MRRC, MRC to APSR_nzcv and unconditional transfers aimed at them
/// generically; on an ARMv7-A processor those words are UNDEFINED.
/// </summary>
public static class Coprocessor
{
    private static bool FloatingPoint(uint word) => ((word >> 8) & 0xF) is 9 or 10 or 11;

    private static readonly Rule FloatingPointCoprocessor =
        Rules.If(Reason.FieldValue, WordTest.Field('p', 9) | WordTest.Field('p', 10) | WordTest.Field('p', 11));

    /// <summary>P, U, D and W all clear (op1 = 00000x) is unallocated in the ARM ARM; GNU still prints an LDC/STC with an option.</summary>
    private static readonly Rule Unallocated = Rules.If(Reason.NoEncoding, WordTest.Bits(0x01E0_0000, 0));

    private static readonly Rule UnallocatedOrFloatingPoint = Rules.FirstOf(Unallocated, FloatingPointCoprocessor);

    public static readonly Encoding[] Lines =
    [
        new Encoding("MCRR", Op.Mcrr, "cccc11000100uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")).UndefinedWhen(FloatingPointCoprocessor),
        new Encoding("MRRC", Op.Mrrc, "cccc11000101uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")).UndefinedWhen(FloatingPointCoprocessor),
        new Encoding("CDP", Op.Cdp, "cccc1110oooonnnnddddppppqqq0mmmm", DataOperation).Excluding(FloatingPoint),
        new Encoding("MCR", Op.Mcr, "cccc1110ooo0nnnnttttppppqqq1mmmm", Transfer, Feature.Base, Rules.PcIs('t')).Excluding(FloatingPoint),
        // GNU's MRC to APSR_nzcv has no floating-point exclusion: it prints the words of coprocessors 9-11 that no VMRS or VMOV claims.
        new Encoding("MRC", Op.Mrc, "cccc1110ooo1nnnnttttppppqqq1mmmm", Transfer)
            .Excluding(w => FloatingPoint(w) && ((w >> 12) & 0xF) != 15).UndefinedWhen(FloatingPointCoprocessor),
        new Encoding("STC", Op.Stc, "cccc110PUNW0nnnnddddppppiiiiiiii", MemoryTransfer).Excluding(FloatingPoint).UndefinedWhen(Unallocated),
        new Encoding("LDC", Op.Ldc, "cccc110PUNW1nnnnddddppppiiiiiiii", MemoryTransfer).Excluding(FloatingPoint).UndefinedWhen(Unallocated),

        new Encoding("MCRR2", Op.Mcrr2, "111111000100uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")).UndefinedWhen(FloatingPointCoprocessor),
        new Encoding("MRRC2", Op.Mrrc2, "111111000101uuuuttttppppoooommmm", Transfer64, Feature.Base, Rules.PcIn("tu")).UndefinedWhen(FloatingPointCoprocessor),
        new Encoding("STC2", Op.Stc2, "1111110PUNW0nnnnddddppppiiiiiiii", MemoryTransfer).UndefinedWhen(UnallocatedOrFloatingPoint),
        new Encoding("LDC2", Op.Ldc2, "1111110PUNW1nnnnddddppppiiiiiiii", MemoryTransfer).UndefinedWhen(UnallocatedOrFloatingPoint),
        new Encoding("CDP2", Op.Cdp2, "11111110oooonnnnddddppppqqq0mmmm", DataOperation).Excluding(FloatingPoint),
        new Encoding("MCR2", Op.Mcr2, "11111110ooo0nnnnttttppppqqq1mmmm", Transfer, Feature.Base, Rules.PcIs('t')).UndefinedWhen(FloatingPointCoprocessor),
        new Encoding("MRC2", Op.Mrc2, "11111110ooo1nnnnttttppppqqq1mmmm", Transfer).UndefinedWhen(FloatingPointCoprocessor),
    ];
}
