using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32DataProcessingShiftedRegister: not written yet.</summary>
public static class T32DataProcessingShiftedRegister
{
    public static readonly Encoding[] Lines =
    [
    ];
}
