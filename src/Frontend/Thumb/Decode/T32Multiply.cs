using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32Multiply: not written yet.</summary>
public static class T32Multiply
{
    public static readonly Encoding[] Lines =
    [
    ];
}
