using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T16Branch: not written yet.</summary>
public static class T16Branch
{
    public static readonly Encoding[] Lines =
    [
    ];
}
