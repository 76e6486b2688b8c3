using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32DataProcessingRegister: not written yet.</summary>
public static class T32DataProcessingRegister
{
    public static readonly Encoding[] Lines =
    [
    ];
}
