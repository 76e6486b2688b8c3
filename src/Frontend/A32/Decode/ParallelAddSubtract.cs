using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Decode;

public static class ParallelAddSubtract
{
    public static readonly Encoding[] Lines =
    [
    ];
}
