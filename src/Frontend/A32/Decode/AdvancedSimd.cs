using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.AdvancedSimdText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// The Advanced SIMD (NEON) spaces of the unconditional A32 encodings: recognised as such so the
/// rest of the system can tell them apart from undefined words; a later stage decodes them in full.
/// </summary>
public static class AdvancedSimd
{
    public static readonly Encoding[] Lines =
    [
        new("Advanced SIMD data-processing", Op.AdvancedSimd, "1111001xxxxxxxxxxxxxxxxxxxxxxxxx", Recognised, Feature.Neon),
        new("Advanced SIMD element or structure load/store", Op.AdvancedSimd, "11110100xxx0xxxxxxxxxxxxxxxxxxxx", Recognised, Feature.Neon),
    ];
}
