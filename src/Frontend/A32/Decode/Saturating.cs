using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.RegisterListForm;
using static Translator.Frontend.A32.Disasm.SaturatingText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// Saturating add and subtract (QADD, QSUB, QDADD, QDSUB) and the saturations of the media space
/// (SSAT, USAT, SSAT16, USAT16). In SSAT and USAT field i is the saturation position, y the shift
/// amount and flag H the shift type (ASR when set); bits 11:8 of SSAT16 and USAT16, should-be-one
/// in the ARM ARM, are fixed because GNU shows other values as UNDEFINED.
/// </summary>
public static class Saturating
{
    private static readonly Rule AnyPc = Rules.PcIn("dnm");
    private static readonly Rule SaturatePc = Rules.PcIn("dn");

    public static readonly Encoding[] Lines =
    [
        new("QADD", Op.Qadd, "cccc00010000nnnndddd00000101mmmm", Of("qadd", "D M N"), Feature.Base, AnyPc),
        new("QSUB", Op.Qsub, "cccc00010010nnnndddd00000101mmmm", Of("qsub", "D M N"), Feature.Base, AnyPc),
        new("QDADD", Op.Qdadd, "cccc00010100nnnndddd00000101mmmm", Of("qdadd", "D M N"), Feature.Base, AnyPc),
        new("QDSUB", Op.Qdsub, "cccc00010110nnnndddd00000101mmmm", Of("qdsub", "D M N"), Feature.Base, AnyPc),

        new("SSAT", Op.Ssat, "cccc0110101iiiiiddddyyyyyH01nnnn", Saturate, Feature.Base, SaturatePc),
        new("USAT", Op.Usat, "cccc0110111iiiiiddddyyyyyH01nnnn", Saturate, Feature.Base, SaturatePc),
        new("SSAT16", Op.Ssat16, "cccc01101010iiiidddd11110011nnnn", Saturate16, Feature.Base, SaturatePc),
        new("USAT16", Op.Usat16, "cccc01101110iiiidddd11110011nnnn", Saturate16, Feature.Base, SaturatePc),
    ];
}
