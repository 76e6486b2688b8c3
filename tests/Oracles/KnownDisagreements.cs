namespace Translator.Oracles;

/// <summary>
/// Spaces of A32 words on which Translator's text is known not to match objdump's yet, each with
/// its reason. The differential report counts them apart, prints how far each one agrees, and the
/// targets apply to every other word. An entry is removed when its space is decoded.
/// </summary>
public static class KnownDisagreements
{
    public sealed record Entry(string Reason, Func<uint, bool> Contains);

    private static uint Cond(uint w) => w >> 28;
    private static uint Coproc(uint w) => (w >> 8) & 0xF;
    private static bool CoprocessorSpace(uint w) => (w & 0x0E00_0000) == 0x0C00_0000 || (w & 0x0F00_0000) == 0x0E00_0000;

    public static readonly Entry[] A32 =
    [
        new("Advanced SIMD: text only (a placeholder comment where objdump prints the instruction, and objdump's "
            + "stray mnemonic before <UNDEFINED> on a one-lane load/store with a bad index_align); which words are "
            + "UNDEFINED agrees everywhere. GNU text is a later issue",
            w => (w & 0xFE00_0000) == 0xF200_0000 || (w & 0xFF10_0000) == 0xF400_0000),
    ];

    public static Entry? Find(uint word) => Ignore ? null : Array.Find(A32, e => e.Contains(word));

    /// <summary>Spaces of Thumb instructions (hw1:hw2 for 32-bit ones, the halfword for 16-bit ones).</summary>
    public static readonly Entry[] Thumb =
    [
        new("T32 Advanced SIMD: text only, as for A32 (the same lines moved to their T32 positions)",
            w => w > 0xFFFF && ((w & 0xEF00_0000) == 0xEF00_0000 || (w & 0xFF10_0000) == 0xF900_0000)),
    ];

    public static Entry? FindThumb(uint word) => Ignore ? null : Array.Find(Thumb, e => e.Contains(word));

    /// <summary>Set by the campaign tool (--all) to see every disagreement while a space is being worked on.</summary>
    public static bool Ignore { get; set; }
}
