using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32LoadStoreDualExclusive: not written yet.</summary>
public static class T32LoadStoreDualExclusive
{
    public static readonly Encoding[] Lines =
    [
    ];
}
