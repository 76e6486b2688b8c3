using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T16Miscellaneous: not written yet.</summary>
public static class T16Miscellaneous
{
    public static readonly Encoding[] Lines =
    [
    ];
}
