using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Decode;

public static class VfpTransfer
{
    public static readonly Encoding[] Lines =
    [
    ];
}
