namespace Translator.IR.Semantics;

/// <summary>ARM shifts by a register amount: only its low byte counts, and 32 or more shifts everything out.</summary>
public static class Shifts
{
    public static uint Lsl(uint v, uint amount)
    {
        amount &= 0xFF;
        return amount >= 32 ? 0 : v << (int)amount;
    }

    public static uint Lsr(uint v, uint amount)
    {
        amount &= 0xFF;
        return amount >= 32 ? 0 : v >> (int)amount;
    }

    public static uint Asr(uint v, uint amount)
    {
        amount &= 0xFF;
        return (uint)((int)v >> (int)Math.Min(amount, 31u));
    }

    public static uint Ror(uint v, uint amount)
    {
        int r = (int)(amount & 31);
        return r == 0 ? v : (v >> r) | (v << (32 - r));
    }

    public static uint LslCarry(uint v, uint amount, uint carryIn)
    {
        amount &= 0xFF;
        return amount == 0 ? carryIn : amount <= 32 ? (v >> (int)(32 - amount)) & 1 : 0;
    }

    public static uint LsrCarry(uint v, uint amount, uint carryIn)
    {
        amount &= 0xFF;
        return amount == 0 ? carryIn : amount <= 32 ? (v >> (int)(amount - 1)) & 1 : 0;
    }

    public static uint AsrCarry(uint v, uint amount, uint carryIn)
    {
        amount &= 0xFF;
        return amount == 0 ? carryIn : amount <= 32 ? (uint)((int)v >> (int)(amount - 1)) & 1 : v >> 31;
    }

    public static uint RorCarry(uint v, uint amount, uint carryIn)
    {
        amount &= 0xFF;
        if (amount == 0) return carryIn;
        int r = (int)(amount & 31);
        return r == 0 ? v >> 31 : (v >> (r - 1)) & 1;
    }
}
