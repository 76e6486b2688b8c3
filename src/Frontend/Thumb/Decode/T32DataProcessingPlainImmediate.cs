using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32DataProcessingPlainImmediate: not written yet.</summary>
public static class T32DataProcessingPlainImmediate
{
    public static readonly Encoding[] Lines =
    [
    ];
}
