namespace Translator.IR.Semantics;

/// <summary>
/// The aux of the fixed-point conversions (<see cref="Opcode.FpSingleToFixed"/> and its kin), which
/// also serve the integer ones (32 bits, no fraction): the fraction bits, whether the fixed-point
/// value is unsigned or 16 bits wide, and whether the conversion to fixed point rounds toward zero
/// rather than by FPSCR's mode.
/// </summary>
public readonly record struct FixedPoint(int FractionBits, bool Unsigned, bool Halfword, bool TowardZero)
{
    public int Size => Halfword ? 16 : 32;

    public ulong Aux => (uint)FractionBits | (Unsigned ? 1UL << 8 : 0) | (Halfword ? 1UL << 9 : 0) | (TowardZero ? 1UL << 10 : 0);

    public static FixedPoint FromAux(ulong aux) => new((int)(aux & 0xFF), (aux & (1 << 8)) != 0, (aux & (1 << 9)) != 0, (aux & (1 << 10)) != 0);

    /// <summary>A 32-bit integer conversion: VCVT (toward zero) or VCVTR (FPSCR's mode).</summary>
    public static FixedPoint Integer(bool unsigned, bool towardZero) => new(0, unsigned, false, towardZero);
}
