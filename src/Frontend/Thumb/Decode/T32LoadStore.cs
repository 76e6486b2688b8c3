using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32LoadStore: not written yet.</summary>
public static class T32LoadStore
{
    public static readonly Encoding[] Lines =
    [
    ];
}
