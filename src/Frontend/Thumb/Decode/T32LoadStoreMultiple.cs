using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32LoadStoreMultiple: not written yet.</summary>
public static class T32LoadStoreMultiple
{
    public static readonly Encoding[] Lines =
    [
    ];
}
