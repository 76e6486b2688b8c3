using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb;

/// <summary>
/// The immediates of Thumb encodings that are not a plain field: the modified immediate constants
/// of T32 data processing, and the scattered offsets of the branch encodings. The text forms and the
/// lifter both read them here.
/// </summary>
public static class ThumbImmediates
{
    /// <summary>
    /// ThumbExpandImm_C of i:imm3:imm8, given as the pattern fields r (i:imm3) and i (imm8): a byte
    /// replicated into halfwords or words, or a rotated 8-bit value with its top bit set.
    /// </summary>
    public static uint ExpandImmediate(uint rotate, uint imm8)
    {
        if ((rotate & 0xC) == 0)
            return (rotate & 3) switch
            {
                0 => imm8,
                1 => imm8 << 16 | imm8,
                2 => imm8 << 24 | imm8 << 8,
                _ => imm8 * 0x0101_0101u,
            };
        uint unrotated = 0x80 | (imm8 & 0x7F);
        return uint.RotateRight(unrotated, (int)(rotate << 1 | imm8 >> 7));
    }

    /// <summary>Whether the expanded constant's carry-out is its bit 31 (a rotation) rather than the carry flag unchanged.</summary>
    public static bool ExpandImmediateRotates(uint rotate) => (rotate & 0xC) != 0;

    /// <summary>
    /// The branch offset of an encoding, from its fields (letters as the T32 tables write them):
    /// T16 B&lt;c&gt; and B (field i), CBZ/CBNZ (field i = i:imm5), T32 B&lt;c&gt; (S, J1=J, J2=K, imm6 i, imm11 j),
    /// T32 B, BL and BLX (S, J1=J, J2=K, imm10 i, imm11 j; BLX's j is imm10L with H=0).
    /// </summary>
    public static int BranchOffset(in Instruction insn)
    {
        var pattern = insn.Encoding!.Pattern;
        if (pattern.Width == 16)
        {
            int bits = (int)uint.PopCount(pattern.FieldMask(Field.Imm));
            return insn.Op is Op.Cbz or Op.Cbnz ? (int)insn.Imm << 1 : SignExtend(insn.Imm << 1, bits + 1);
        }
        uint s = insn.Flag('S') ? 1u : 0u, j1 = insn.Flag('J') ? 1u : 0u, j2 = insn.Flag('K') ? 1u : 0u;
        int immBits = (int)uint.PopCount(pattern.FieldMask(Field.Imm));
        int lowBits = (int)uint.PopCount(pattern.FieldMask(Field.Imm2));
        if (immBits == 6)
            return SignExtend(s << 20 | j2 << 19 | j1 << 18 | insn.Imm << 12 | insn.Imm2 << 1, 21);
        uint i1 = ~(j1 ^ s) & 1, i2 = ~(j2 ^ s) & 1;
        // B and BL keep imm11 in halfwords; BLX's imm10L is in words.
        uint low = lowBits == 11 ? insn.Imm2 << 1 : insn.Imm2 << 2;
        return SignExtend(s << 24 | i1 << 23 | i2 << 22 | insn.Imm << 12 | low, 25);
    }

    /// <summary>The branch target of the instruction at <paramref name="address"/>: PC (address + 4, word-aligned for BLX to ARM) plus the offset.</summary>
    public static uint BranchTarget(in Instruction insn, uint address)
    {
        uint pc = address + 4;
        if (insn.Op == Op.Blx) pc &= ~3u;
        return pc + (uint)BranchOffset(insn);
    }

    private static int SignExtend(uint value, int bits) => (int)(value << (32 - bits)) >> (32 - bits);
}
