using System.Numerics;

namespace Translator.IR.Semantics;

/// <summary>FPToFixed, FixedToFP and FPConvert, on exact values like the rest of the rules.</summary>
public static partial class FloatingPointRules
{
    /// <summary>
    /// FPToFixed: the value × 2^fractionBits rounded to an integer (toward zero, or by FPSCR's mode),
    /// saturated to <paramref name="size"/> bits; a NaN gives 0, and saturation and NaNs raise Invalid
    /// Operation instead of Inexact. The result is the integer's low <paramref name="size"/> bits.
    /// </summary>
    public static ulong ToFixed(ulong op, FloatFormat f, int size, int fractionBits, bool unsigned, bool towardZero, uint control, ref uint flags)
    {
        if (towardZero) control |= Fpscr.RMode;
        var a = Unpack(op, f, control, ref flags);
        BigInteger integer;
        int error = 0;
        switch (a.Kind)
        {
            case Kind.QuietNaN or Kind.SignallingNaN:
                flags |= Fpscr.Ioc;
                integer = BigInteger.Zero;
                break;
            case Kind.Zero:
                integer = BigInteger.Zero;
                break;
            case Kind.Infinity:
                // Far beyond any destination: saturates.
                integer = a.Sign ? -(BigInteger.One << 64) : BigInteger.One << 64;
                break;
            default:
            {
                var value = Signed(a);
                int shift = a.Exponent + fractionBits;
                if (shift >= 0)
                {
                    integer = value << shift;
                    break;
                }
                // Floor division, and where the dropped part lies against one half.
                integer = value >> -shift;
                var rest = value - (integer << -shift);
                int half = rest.CompareTo(BigInteger.One << (-shift - 1));
                error = rest.IsZero ? 0 : half < 0 ? 1 : half == 0 ? 2 : 3;
                bool roundUp = Mode(control) switch
                {
                    RoundingMode.ToNearest => error == 3 || (error == 2 && !integer.IsEven),
                    RoundingMode.TowardPlusInfinity => error != 0,
                    RoundingMode.TowardMinusInfinity => false,
                    _ => error != 0 && integer.Sign < 0,
                };
                if (roundUp) integer += 1;
                break;
            }
        }
        var min = unsigned ? BigInteger.Zero : -(BigInteger.One << (size - 1));
        var max = unsigned ? (BigInteger.One << size) - 1 : (BigInteger.One << (size - 1)) - 1;
        if (integer < min || integer > max)
        {
            flags |= Fpscr.Ioc;
            integer = integer < min ? min : max;
        }
        else if (error != 0)
        {
            flags |= Fpscr.Ixc;
        }
        return (ulong)(long)integer & (size == 64 ? ulong.MaxValue : (1UL << size) - 1);
    }

    /// <summary>FixedToFP: the low <paramref name="size"/> bits as a (signed or unsigned) integer ÷ 2^fractionBits, rounded by FPSCR's mode; zero is +0.</summary>
    public static ulong FromFixed(ulong op, FloatFormat f, int size, int fractionBits, bool unsigned, uint control, ref uint flags)
    {
        ulong bits = op & (size == 64 ? ulong.MaxValue : (1UL << size) - 1);
        BigInteger value = unsigned ? bits : (BigInteger)(long)(bits << (64 - size)) >> (64 - size);
        return value.IsZero ? f.Zero(false) : Round(value.Sign < 0, BigInteger.Abs(value), -fractionBits, false, f, control, ref flags);
    }

    /// <summary>
    /// FPConvert between precisions (VCVT between single and double, VCVTB/VCVTT with half): NaNs keep
    /// their sign and top fraction bits (quieted), or become the default NaN; the alternative half
    /// format has neither NaNs nor infinities, so those become zero or the largest magnitude, raising
    /// Invalid Operation.
    /// </summary>
    public static ulong Convert(ulong op, FloatFormat from, FloatFormat to, uint control, ref uint flags)
    {
        var a = Unpack(op, from, control, ref flags);
        bool alternativeHalf = to.N == 16 && (control & Fpscr.Ahp) != 0;
        switch (a.Kind)
        {
            case Kind.QuietNaN or Kind.SignallingNaN:
            {
                ulong result;
                if (alternativeHalf)
                {
                    result = to.Zero(a.Sign);
                    flags |= Fpscr.Ioc;
                }
                else if ((control & Fpscr.Dn) != 0)
                {
                    result = to.DefaultNaN;
                }
                else
                {
                    // The fraction bits below the quiet bit, aligned at the top: truncated or zero-filled.
                    ulong payload = op & from.FractionMask & ~from.QuietBit;
                    payload = from.F >= to.F ? payload >> (from.F - to.F) : payload << (to.F - from.F);
                    result = to.Zero(a.Sign) | to.ExponentMask | to.QuietBit | payload;
                }
                if (a.Kind == Kind.SignallingNaN) flags |= Fpscr.Ioc;
                return result;
            }
            case Kind.Infinity:
                if (!alternativeHalf) return to.Infinity(a.Sign);
                flags |= Fpscr.Ioc;
                return to.Zero(a.Sign) | 0x7FFF;
            case Kind.Zero:
                return to.Zero(a.Sign);
            default:
                return Round(a.Sign, a.Magnitude, a.Exponent, false, to, control, ref flags);
        }
    }
}
