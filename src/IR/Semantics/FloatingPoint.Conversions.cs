using System.Runtime.CompilerServices;

namespace Translator.IR.Semantics;

/// <summary>The conversions: between precisions, with half precision, and with integers and fixed point.</summary>
public static unsafe partial class FloatingPoint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpSingleToDouble(uint a, uint* fpscr)
    {
        float x = S(a);
        uint f = *fpscr;
        if (float.IsFinite(x) && ((f & Fpscr.Fz) == 0 || !float.IsSubnormal(x))) return Bits((double)x);
        return Slow(Opcode.FpSingleToDouble, a, 0, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpDoubleToSingle(ulong a, uint* fpscr)
    {
        double x = D(a);
        float r = (float)x;
        uint f = *fpscr;
        float m = Math.Abs(r);
        if (HostModes(f) && ((m > SingleMinNormal && m <= float.MaxValue) || x == 0))
        {
            if ((f & Fpscr.Ixc) == 0 && r != x) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpDoubleToSingle, a, 0, 0, 0, fpscr);
    }

    /// <summary>VCVTB/VCVTT to single: the half-precision value is in the low 16 bits.</summary>
    public static uint FpHalfToSingle(uint a, uint* fpscr) => (uint)Slow(Opcode.FpHalfToSingle, a & 0xFFFF, 0, 0, 0, fpscr);

    /// <summary>VCVTB/VCVTT to half: the result is in the low 16 bits.</summary>
    public static uint FpSingleToHalf(uint a, uint* fpscr) => (uint)Slow(Opcode.FpSingleToHalf, a, 0, 0, 0, fpscr);

    /// <summary>The common VCVT to a 32-bit integer toward zero inline; every other fixed-point conversion by the rules.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpSingleToFixed(uint a, ulong aux, uint* fpscr) => ToInteger(S(a), aux, fpscr, out uint r) ? r : (uint)Slow(Opcode.FpSingleToFixed, a, 0, 0, aux, fpscr);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpDoubleToFixed(ulong a, ulong aux, uint* fpscr) => ToInteger(D(a), aux, fpscr, out uint r) ? r : (uint)Slow(Opcode.FpDoubleToFixed, a, 0, 0, aux, fpscr);

    /// <summary>VCVT to a 32-bit integer, toward zero, of an operand in range: no flags but IXC.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ToInteger(double x, ulong aux, uint* fpscr, out uint result)
    {
        uint f = *fpscr;
        const ulong signedToward = 1 << 10, unsignedToward = 1 << 10 | 1 << 8;
        // NaNs fail both range tests; flush-to-zero changes the flags of denormal operands.
        bool inRange = aux == signedToward ? x > -2147483649.0 && x < 2147483648.0
            : aux == unsignedToward && x > -1.0 && x < 4294967296.0;
        if (!inRange || (f & Fpscr.Fz) != 0)
        {
            result = 0;
            return false;
        }
        long integer = (long)x;
        if ((f & Fpscr.Ixc) == 0 && integer != x) *fpscr = f | Fpscr.Ixc;
        result = (uint)integer;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpFixedToSingle(uint a, ulong aux, uint* fpscr)
    {
        uint f = *fpscr;
        const ulong signedInteger = 0, unsignedInteger = 1 << 8;
        if ((aux == signedInteger || aux == unsignedInteger) && (f & Fpscr.RMode) == 0)
        {
            long value = aux == signedInteger ? (int)a : a;
            float r = value;
            if ((f & Fpscr.Ixc) == 0 && (double)r != value) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpFixedToSingle, a, 0, 0, aux, fpscr);
    }

    /// <summary>Every 32-bit integer is exact as a double, whatever the mode.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpFixedToDouble(uint a, ulong aux, uint* fpscr)
    {
        const ulong signedInteger = 0, unsignedInteger = 1 << 8;
        if (aux == signedInteger) return Bits((double)(int)a);
        if (aux == unsignedInteger) return Bits((double)a);
        return Slow(Opcode.FpFixedToDouble, a, 0, 0, aux, fpscr);
    }
}
