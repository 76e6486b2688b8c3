using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T16BranchText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// 16-bit branches: B&lt;c&gt; with the permanently undefined and supervisor-call encodings of its
/// space, B, CBZ/CBNZ, BX and BLX (register), and the ARMv8-M BXNS/BLXNS GNU tools show. A branch
/// may be in an IT block only as its last instruction; B&lt;c&gt; and CBZ/CBNZ not at all.
/// </summary>
public static class T16Branch
{
    public static readonly Encoding[] Lines =
    [
        new("B T1", Op.B, "1101cccciiiiiiii", Conditional, Feature.Base, ItBlockRules.Outside),
        new("UDF T1", Op.Udf, "11011110iiiiiiii", PermanentlyUndefined),
        new("SVC T1", Op.Svc, "11011111iiiiiiii", Svc),
        new("B T2", Op.B, "11100iiiiiiiiiii", Unconditional, Feature.Base, ItBlockRules.LastIfInside),
        new("CBZ", Op.Cbz, "101100i1iiiiinnn", CompareAndBranch, Feature.Base, ItBlockRules.Outside),
        new("CBNZ", Op.Cbnz, "101110i1iiiiinnn", CompareAndBranch, Feature.Base, ItBlockRules.Outside),
        // GNU tools decode BLX only with bits 2:0 clear (should-be-zero in the ARM ARM): other values
        // are not BLX here (UNDEFINED, a permitted outcome of the ARM ARM's UNPREDICTABLE).
        new("BX T1", Op.Bx, "010001110mmmm(0)(0)(0)", Exchange, Feature.Base, ItBlockRules.LastIfInside),
        new("BLX (register) T1", Op.Blx, "010001111mmmm000", Exchange, Feature.Base, Rules.PcIs('m'), ItBlockRules.LastIfInside),
        new("BXNS", Op.Bx, "010001110mmmm100", NonSecure("bxns"), Feature.MProfile),
        new("BLXNS", Op.Blx, "010001111mmmm100", NonSecure("blxns"), Feature.MProfile),
    ];
}
