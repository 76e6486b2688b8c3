using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.StatusRegistersText;

namespace Translator.Frontend.A32.Decode;

/// <summary>MRS and MSR: CPSR/SPSR with field masks, and the banked-register forms of the Virtualization Extensions.</summary>
public static class StatusRegisters
{
    /// <summary>Bits 7 and 4 both set: the word is an extra load or store, or a synchronization primitive.</summary>
    private static bool ExtraLoadStore(uint word) => (word & 0x90) == 0x90;

    /// <summary>
    /// MSR of no fields is UNPREDICTABLE (for MSR (immediate) with R clear the word is, in the ARM ARM,
    /// a hint whose should-be bits are wrong).
    /// </summary>
    internal static readonly Rule NoFields = (in Instruction i) => i.Rm == 0 ? Reason.FieldValue : Reason.None;

    /// <summary>
    /// Bits 7:4 = 1001 with bits 24:20 = 10x10 fall among the synchronization primitives, where they
    /// are unallocated (UNDEFINED); GNU shows them as MSR, with an illegal shifter operand or a
    /// banked register.
    /// </summary>
    private static readonly Rule SynchronizationSpace = (in Instruction i) => Reason.NoEncoding;

    /// <summary>
    /// Bits 7:4 = 1011 with bits 24:20 = 10010 and bits 11:8 not zero: in the ARM ARM a pre-indexed
    /// STRH (register) whose should-be-zero bits 11:8 are not zero (UNPREDICTABLE); GNU decodes STRH
    /// only with those bits clear and shows the rest as MSR.
    /// </summary>
    private static readonly Rule StoreHalfwordSpace = (in Instruction i) => Reason.ShouldBeBits;

    private static bool StoreHalfwordFields(uint word) => (word & 0xF00) == 0;

    public static readonly Encoding[] Lines =
    [
        new("MRS", Op.Mrs, "cccc00010R00mmmmdddd000M00000000", Mrs, Feature.Base, Rules.PcIs('d')),
        new("MRS (banked register)", Op.MrsBanked, "cccc00010R00mmmmdddd001M00000000", Mrs, Feature.Virtualization, Rules.PcIs('d')),
        new("MSR (immediate)", Op.Msr, "cccc00110R10mmmm1111rrrriiiiiiii", Msr, Feature.Base, NoFields),
        new Encoding("MSR (register)", Op.Msr, "cccc00010R10mmmm1111xx0xxxxxnnnn", Msr, Feature.Base, Rules.PcIs('n'), NoFields).Excluding(ExtraLoadStore),
        new Encoding("MSR (banked register)", Op.MsrBanked, "cccc00010R10mmmm1111xx1Mxxxxnnnn", Msr, Feature.Virtualization, Rules.PcIs('n')).Excluding(ExtraLoadStore),
        new Encoding("MSR (register), synchronization-primitive space", Op.Msr, "cccc00010R10mmmm1111xx0x1001nnnn", Msr)
            .UndefinedWhen(SynchronizationSpace),
        new Encoding("MSR (banked register), synchronization-primitive space", Op.MsrBanked, "cccc00010R10mmmm1111xx1M1001nnnn", Msr)
            .UndefinedWhen(SynchronizationSpace),
        new Encoding("MSR (register), STRH space", Op.Msr, "cccc00010010mmmm1111xx0x1011nnnn", Msr, Feature.Base, StoreHalfwordSpace)
            .Excluding(StoreHalfwordFields),
        new("MSR (banked register), STRH space", Op.MsrBanked, "cccc00010010mmmm1111xx1M1011nnnn", Msr, Feature.Base, StoreHalfwordSpace),
    ];
}
