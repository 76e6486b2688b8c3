using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.StatusRegistersText;

namespace Translator.Frontend.A32.Decode;

/// <summary>MRS and MSR: CPSR/SPSR with field masks, and the banked-register forms of the Virtualization Extensions.</summary>
public static class StatusRegisters
{
    /// <summary>Bits 7 and 4 both set: the word is an extra load or store.</summary>
    private static bool ExtraLoadStore(uint word) => (word & 0x90) == 0x90;

    public static readonly Encoding[] Lines =
    [
        new("MRS", Op.Mrs, "cccc00010R00mmmmdddd000M00000000", Mrs, Feature.Base, Rules.PcIs('d')),
        new("MRS (banked register)", Op.MrsBanked, "cccc00010R00mmmmdddd001M00000000", Mrs, Feature.Virtualization, Rules.PcIs('d')),
        new("MSR (immediate)", Op.Msr, "cccc00110R10mmmm1111rrrriiiiiiii", Msr),
        new Encoding("MSR (register)", Op.Msr, "cccc00010R10mmmm1111xx0xxxxxnnnn", Msr, Feature.Base, Rules.PcIs('n')).Excluding(ExtraLoadStore),
        new Encoding("MSR (banked register)", Op.MsrBanked, "cccc00010R10mmmm1111xx1Mxxxxnnnn", Msr, Feature.Virtualization, Rules.PcIs('n')).Excluding(ExtraLoadStore),
    ];
}
