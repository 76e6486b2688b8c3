using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb.Decode;

namespace Translator.Frontend.Thumb;

/// <summary>
/// The Thumb decode tables: 16-bit (T16) and 32-bit (T32) encodings, each family's lines, and the
/// decoders built from them once. A T32 word is its first halfword in bits 31:16 and its second in
/// bits 15:0, as the ARM ARM draws it. The coprocessor, VFP and Advanced SIMD lines are the A32
/// lines moved to their T32 bit positions (<see cref="T32FromArm"/>).
/// </summary>
public static class ThumbTable
{
    public static readonly IReadOnlyList<(string Family, Encoding[] Lines)> T16Families =
    [
        ("T16DataProcessing", T16DataProcessing.Lines),
        ("T16LoadStore", T16LoadStore.Lines),
        ("T16Branch", T16Branch.Lines),
        ("T16Miscellaneous", T16Miscellaneous.Lines),
    ];

    public static readonly IReadOnlyList<(string Family, Encoding[] Lines)> T32Families =
    [
        ("T32DataProcessingModifiedImmediate", T32DataProcessingModifiedImmediate.Lines),
        ("T32DataProcessingPlainImmediate", T32DataProcessingPlainImmediate.Lines),
        ("T32DataProcessingShiftedRegister", T32DataProcessingShiftedRegister.Lines),
        ("T32DataProcessingRegister", T32DataProcessingRegister.Lines),
        ("T32Multiply", T32Multiply.Lines),
        ("T32LoadStore", T32LoadStore.Lines),
        ("T32LoadStoreDualExclusive", T32LoadStoreDualExclusive.Lines),
        ("T32LoadStoreMultiple", T32LoadStoreMultiple.Lines),
        ("T32BranchMiscControl", T32BranchMiscControl.Lines),
        .. T32FromArm.Families,
    ];

    public static IReadOnlyList<Encoding> T16 { get; } = Number(T16Families);
    public static IReadOnlyList<Encoding> T32 { get; } = Number(T32Families);

    private static Encoding[] Number(IReadOnlyList<(string Family, Encoding[] Lines)> families)
    {
        var all = new List<Encoding>();
        foreach (var (family, lines) in families)
            foreach (var e in lines)
            {
                e.Family = family;
                e.Index = all.Count;
                e.Thumb = true;
                all.Add(e);
            }
        return [.. all];
    }

    /// <summary>The Thumb decoder of a Cortex-A15 (see <see cref="A32Table.CortexA15"/> for its features).</summary>
    public static ThumbDecoder CortexA15 { get; } = new(
        new InstructionDecoder(T16, Feature.CortexA15, splitOnCondition: false, size: 2),
        new InstructionDecoder(T32, Feature.CortexA15, splitOnCondition: false, size: 4));
}
