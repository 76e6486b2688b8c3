namespace Translator.Oracles;

/// <summary>
/// Spaces of A32 words on which Translator's text is known not to match objdump's yet, each with
/// its reason. The differential report counts them apart, prints how far each one agrees, and the
/// targets apply to every other word. An entry is removed when its space is decoded.
/// </summary>
public static class KnownDisagreements
{
    public sealed record Entry(string Reason, Func<uint, bool> Contains);

    private static uint Cond(uint w) => w >> 28;
    private static uint Coproc(uint w) => (w >> 8) & 0xF;
    private static bool CoprocessorSpace(uint w) => (w & 0x0E00_0000) == 0x0C00_0000 || (w & 0x0F00_0000) == 0x0E00_0000;

    public static readonly Entry[] A32 =
    [
        new("Advanced SIMD: recognised only; full decoding is a later issue",
            w => (w & 0xFE00_0000) == 0xF200_0000 || (w & 0xFF10_0000) == 0xF400_0000),
        new("VFP and half-precision (coprocessors 9-11): not decoded yet",
            w => CoprocessorSpace(w) && Coproc(w) is 9 or 10 or 11),
        new("legacy FPA and Maverick coprocessor mnemonics (coprocessors 1, 2, 4-6): not decoded yet",
            w => CoprocessorSpace(w) && Cond(w) != 0xF && Coproc(w) is 1 or 2 or 4 or 5 or 6),
        new("unconditional coprocessor space of coprocessors 8, 12 and 13 (where GNU shows ARMv8.x SIMD extensions: BF16, dot products, VCMLA, VFMAL): not decoded yet",
            w => CoprocessorSpace(w & 0x0FFF_FFFF) && Cond(w) == 0xF && Coproc(w) is 8 or 12 or 13),
        new("XScale DSP accumulator instructions on coprocessor 0 (MIA, MIAPH, MIAxy, MAR, MRA): not decoded yet",
            w => Cond(w) != 0xF && Coproc(w) == 0 && ((w & 0x0F00_0010) == 0x0E00_0010 || (w & 0x0FE0_0000) == 0x0C40_0000)),
        new("LDC/STC to coprocessor 15 with bit 7 set (GNU shows Armv8.1-M VLDR/VSTR of system registers): not decoded yet",
            w => Cond(w) != 0xF && (w & 0x0E00_0000) == 0x0C00_0000 && Coproc(w) == 15 && (w & 0x80) != 0 && (w & 0x0120_0000) != 0),
        new("the rest of the miscellaneous space (CRC32, HLT, BXJ/ERET corner cases, MSR words that overlap the extra loads and stores): not decoded yet",
            w => Cond(w) != 0xF && ((w & 0x0F90_0000) == 0x0100_0000 || (w & 0x0FB0_0000) == 0x0320_0000 || (w & 0x0FB0_0000) == 0x0360_0000)),
        new("unconditional space (CPS, SETEND, SRS, RFE, PLD, PLI, SETPAN): not decoded yet",
            w => Cond(w) == 0xF && (w & 0x0E00_0000) is 0x0000_0000 or 0x0200_0000 or 0x0400_0000 or 0x0600_0000 or 0x0800_0000),
    ];

    public static Entry? Find(uint word) => Ignore ? null : Array.Find(A32, e => e.Contains(word));

    /// <summary>Set by the campaign tool (--all) to see every disagreement while a space is being worked on.</summary>
    public static bool Ignore { get; set; }
}
