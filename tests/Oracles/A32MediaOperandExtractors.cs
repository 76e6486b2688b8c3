using Translator.Frontend.Decoding;
using static Translator.Oracles.A32OperandExtractors;

namespace Translator.Oracles;

/// <summary>
/// Operand functions of the media, saturation, memory-hint and processor-state families, driven by
/// the record's fields, in the operand order of the assembly syntax.
/// </summary>
public static class A32MediaOperandExtractors
{
    public static A32Operands Saturating(Instruction i)
    {
        // SSAT and SSAT16 saturate to imm + 1 bits, USAT and USAT16 to imm bits.
        long bits = i.Op is Op.Ssat or Op.Ssat16 ? i.Imm + 1 : i.Imm;
        return i.Op switch
        {
            Op.Ssat or Op.Usat => Make(i, [i.Rd, i.Rn], [bits],
                A32Operands.ImmediateShift(i.Flag('H') ? ShiftType.Asr : ShiftType.Lsl, i.ShiftImm)),
            Op.Ssat16 or Op.Usat16 => Make(i, [i.Rd, i.Rn], [bits]),
            _ => Make(i, [i.Rd, i.Rm, i.Rn]),
        };
    }

    public static A32Operands Media(Instruction i)
    {
        bool accumulates = Has(i, Field.Rn);
        // The extensions rotate by 8 times the r field; ROR #0 is not written.
        string rotation = i.Rotate == 0 ? "" : $"ror #{i.Rotate * 8}";
        return i.Op switch
        {
            Op.Pkhbt => Make(i, [i.Rd, i.Rn, i.Rm], shift: A32Operands.ImmediateShift(ShiftType.Lsl, i.ShiftImm)),
            Op.Pkhtb => Make(i, [i.Rd, i.Rn, i.Rm], shift: A32Operands.ImmediateShift(ShiftType.Asr, i.ShiftImm)),
            Op.Sxtab16 or Op.Sxtb16 or Op.Sxtab or Op.Sxtb or Op.Sxtah or Op.Sxth
                or Op.Uxtab16 or Op.Uxtb16 or Op.Uxtab or Op.Uxtb or Op.Uxtah or Op.Uxth =>
                Make(i, accumulates ? [i.Rd, i.Rn, i.Rm] : [i.Rd, i.Rm], shift: rotation),
            // BFC/BFI: i is the msb, j the lsb; SBFX/UBFX: i is the width - 1, j the lsb.
            Op.Bfc => Make(i, [i.Rd], [i.Imm2, i.Imm - i.Imm2 + 1]),
            Op.Bfi => Make(i, [i.Rd, i.Rn], [i.Imm2, i.Imm - i.Imm2 + 1]),
            Op.Sbfx or Op.Ubfx => Make(i, [i.Rd, i.Rn], [i.Imm2, i.Imm + 1]),
            _ when accumulates => Make(i, [i.Rd, i.Rn, i.Rm]),
            _ => Make(i, [i.Rd, i.Rm]),
        };
    }

    /// <summary>The memory hints' address: [Rn, #+/-imm12] or [Rn, +/-Rm, shift], never written back.</summary>
    public static A32Operands MemoryHint(Instruction i)
    {
        bool up = i.Flag('U');
        if (Has(i, Field.Rm))
            return Make(i, [i.Rn, i.Rm], shift: A32Operands.ImmediateShift(i.ShiftType, i.ShiftImm), minus: !up);
        return Make(i, [i.Rn], i.Imm == 0 ? [] : [up ? i.Imm : -i.Imm]);
    }

    public static A32Operands ProcessorState(Instruction i)
    {
        switch (i.Op)
        {
            case Op.Cps:
            {
                // imod (10 enable, 11 disable) with its A, I, F mask, then the mode when M is set.
                long flags = (i.Flag('A') ? 4 : 0) | (i.Flag('I') ? 2 : 0) | (i.Flag('F') ? 1 : 0);
                long[] effect = i.Imm2 >= 2 ? [i.Imm2, flags] : [];
                return Make(i, [], i.Flag('M') ? [.. effect, i.Imm] : effect);
            }
            case Op.Setend:
                return Make(i, [], [i.Flag('E') ? 1 : 0]);
            case Op.Srs:
                return Make(i, [], [i.Imm], writeback: i.Flag('W'));
            case Op.Rfe:
                return Make(i, [i.Rn], writeback: i.Flag('W'));
            default:
                return Make(i, [], [i.Imm]);
        }
    }
}
