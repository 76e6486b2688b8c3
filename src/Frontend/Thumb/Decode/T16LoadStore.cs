using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T16LoadStore: not written yet.</summary>
public static class T16LoadStore
{
    public static readonly Encoding[] Lines =
    [
    ];
}
