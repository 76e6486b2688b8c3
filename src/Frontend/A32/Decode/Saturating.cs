using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.RegisterListForm;

namespace Translator.Frontend.A32.Decode;

/// <summary>Saturating add and subtract (QADD, QSUB, QDADD, QDSUB). SSAT/USAT live with the media instructions.</summary>
public static class Saturating
{
    private static readonly Rule AnyPc = Rules.PcIn("dnm");

    public static readonly Encoding[] Lines =
    [
        new("QADD", Op.Qadd, "cccc00010000nnnndddd00000101mmmm", Of("qadd", "D M N"), Feature.Base, AnyPc),
        new("QSUB", Op.Qsub, "cccc00010010nnnndddd00000101mmmm", Of("qsub", "D M N"), Feature.Base, AnyPc),
        new("QDADD", Op.Qdadd, "cccc00010100nnnndddd00000101mmmm", Of("qdadd", "D M N"), Feature.Base, AnyPc),
        new("QDSUB", Op.Qdsub, "cccc00010110nnnndddd00000101mmmm", Of("qdsub", "D M N"), Feature.Base, AnyPc),
    ];
}
