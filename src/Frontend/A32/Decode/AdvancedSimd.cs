using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// The Advanced SIMD (NEON) spaces of the unconditional A32 encodings: data processing
/// (1111001x, ARM ARM A7.4) and element and structure loads and stores (11110100 xxx0, A7.7),
/// one line per encoding of the ARM ARM's tables, each sub-table in its own file. Words no line
/// matches are UNDEFINED; the NEON transfers in the coprocessor space belong to VfpTransfer.
/// </summary>
public static class AdvancedSimd
{
    public static readonly Encoding[] Lines =
    [
        .. AdvancedSimdThreeSame.Lines,
        .. AdvancedSimdThreeDifferent.Lines,
        .. AdvancedSimdShifts.Lines,
        .. AdvancedSimdMiscellaneous.Lines,
        .. AdvancedSimdLoadStore.Lines,
    ];
}
