using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Decode;

public static class LoadStoreMultiple
{
    public static readonly Encoding[] Lines =
    [
    ];
}
