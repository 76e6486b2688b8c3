using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>T32BranchMiscControl: not written yet.</summary>
public static class T32BranchMiscControl
{
    public static readonly Encoding[] Lines =
    [
    ];
}
