using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T16DataProcessing: not written yet.</summary>
public static class T16DataProcessing
{
    public static readonly Encoding[] Lines =
    [
    ];
}
