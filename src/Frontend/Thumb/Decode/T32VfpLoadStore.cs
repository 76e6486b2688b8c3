using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T32VfpLoadStoreText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// The T32 words of the VFP load/store space that GNU reads as something other than the moved A32
/// line: a VLDMIA from PC without writeback, UNPREDICTABLE in Thumb, is Armv8.1-M's VSCCLRM to GNU.
/// </summary>
public static class T32VfpLoadStore
{
    public static readonly Encoding[] Lines =
    [
        new("VSCCLRM (singles)", Op.Undefined, "111011001D011111dddd1010iiiiiiii", SecureClear, Feature.MProfile),
        new("VSCCLRM (doubles)", Op.Undefined, "111011001D011111dddd1011iiiiiii0", SecureClear, Feature.MProfile),
    ];
}
