using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32DataProcessingModifiedImmediate: not written yet.</summary>
public static class T32DataProcessingModifiedImmediate
{
    public static readonly Encoding[] Lines =
    [
    ];
}
