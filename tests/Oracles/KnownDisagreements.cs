namespace Translator.Oracles;

/// <summary>
/// Classes of words on which Translator's A32 text knowingly differs from objdump's, each with the
/// reason. The differential report tallies them under the reason instead of as unexplained.
/// </summary>
public static class KnownDisagreements
{
    public sealed record Entry(uint Mask, uint Value, string Reason);

    public static readonly Entry[] A32 =
    [
        new(0xFE00_0000, 0xF200_0000, "Advanced SIMD data-processing: recognised only; full decoding is a later issue"),
        new(0xFF10_0000, 0xF400_0000, "Advanced SIMD element/structure load/store: recognised only; full decoding is a later issue"),
    ];

    public static Entry? Find(uint word) => Array.Find(A32, e => (word & e.Mask) == e.Value);
}
