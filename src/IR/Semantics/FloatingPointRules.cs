using System.Numerics;

namespace Translator.IR.Semantics;

/// <summary>
/// ARM's floating-point arithmetic as the ARM ARM's pseudocode defines it (FPUnpack, FPRound,
/// FPProcessNaNs, FPAdd, FPMulAdd, FPToFixed, ...), on exact values: every operation computes the
/// exact result (a quotient or a square root with a sticky bit for what lies below its last bit)
/// and rounds it once, by FPSCR's mode, flushing and raising the cumulative exception flags as the
/// pseudocode does. This is the slow path and the reference: <see cref="FloatingPoint"/> answers the
/// common cases with host arithmetic and comes here for everything else.
/// </summary>
/// <remarks>
/// Values are kept as (sign, magnitude, exponent) with the magnitude an integer: the value is
/// magnitude × 2^exponent. A float's bits travel in a ulong whatever its format.
/// </remarks>
public static partial class FloatingPointRules
{
    public enum Kind : byte { Zero, Finite, Infinity, QuietNaN, SignallingNaN }

    /// <summary>An unpacked operand: its kind, sign and, when finite and nonzero, its exact value.</summary>
    public readonly record struct Unpacked(Kind Kind, bool Sign, BigInteger Magnitude, int Exponent)
    {
        public bool IsNaN => Kind is Kind.QuietNaN or Kind.SignallingNaN;
    }

    private static bool FlushEnabled(FloatFormat f, uint control) => f.N != 16 && (control & Fpscr.Fz) != 0;

    private static RoundingMode Mode(uint control) => (RoundingMode)((control >> Fpscr.RModeShift) & 3);

    /// <summary>FPUnpack: a denormal single or double is flushed to zero (setting IDC) in flush-to-zero mode; half precision never is.</summary>
    public static Unpacked Unpack(ulong bits, FloatFormat f, uint control, ref uint flags)
    {
        bool sign = (bits & f.SignBit) != 0;
        ulong exponent = (bits & f.ExponentMask) >> f.F;
        ulong fraction = bits & f.FractionMask;
        if (exponent == 0)
        {
            if (fraction == 0) return new(Kind.Zero, sign, BigInteger.Zero, 0);
            if (FlushEnabled(f, control))
            {
                flags |= Fpscr.Idc;
                return new(Kind.Zero, sign, BigInteger.Zero, 0);
            }
            return new(Kind.Finite, sign, fraction, f.MinimumExponent - f.F);
        }
        bool alternativeHalf = f.N == 16 && (control & Fpscr.Ahp) != 0;
        if (exponent == f.ExponentMask >> f.F && !alternativeHalf)
        {
            if (fraction == 0) return new(Kind.Infinity, sign, BigInteger.Zero, 0);
            return new((fraction & f.QuietBit) != 0 ? Kind.QuietNaN : Kind.SignallingNaN, sign, BigInteger.Zero, 0);
        }
        return new(Kind.Finite, sign, fraction | (1UL << f.F), (int)exponent - f.Bias - f.F);
    }

    /// <summary>FPProcessNaN: quiets a signalling NaN (raising Invalid Operation); the default NaN instead in default-NaN mode.</summary>
    public static ulong ProcessNaN(Kind kind, ulong operand, FloatFormat f, uint control, ref uint flags)
    {
        ulong result = operand;
        if (kind == Kind.SignallingNaN)
        {
            result |= f.QuietBit;
            flags |= Fpscr.Ioc;
        }
        return (control & Fpscr.Dn) != 0 ? f.DefaultNaN : result;
    }

    /// <summary>FPProcessNaNs for any number of operands: the first signalling NaN, else the first quiet NaN.</summary>
    public static bool ProcessNaNs(ReadOnlySpan<Unpacked> values, ReadOnlySpan<ulong> operands, FloatFormat f, uint control, ref uint flags, out ulong result)
    {
        foreach (var wanted in (ReadOnlySpan<Kind>)[Kind.SignallingNaN, Kind.QuietNaN])
        {
            for (int k = 0; k < values.Length; k++)
            {
                if (values[k].Kind != wanted) continue;
                result = ProcessNaN(wanted, operands[k], f, control, ref flags);
                return true;
            }
        }
        result = 0;
        return false;
    }

    /// <summary>
    /// FPRound of the exact value (-1)^sign × (magnitude + sticky) × 2^exponent, magnitude &gt; 0, where
    /// <paramref name="sticky"/> says a nonzero amount smaller than one unit of the magnitude was
    /// dropped (the caller keeps at least two bits below the result's last bit when it sets it).
    /// </summary>
    public static ulong Round(bool sign, BigInteger magnitude, int exponent, bool sticky, FloatFormat f, uint control, ref uint flags)
    {
        int top = exponent + (int)magnitude.GetBitLength() - 1;
        if (FlushEnabled(f, control) && top < f.MinimumExponent)
        {
            flags |= Fpscr.Ufc;
            return f.Zero(sign);
        }
        int biased = Math.Max(top - f.MinimumExponent + 1, 0);
        int lsb = biased == 0 ? f.MinimumExponent - f.F : top - f.F;
        int shift = lsb - exponent;
        BigInteger mantissa;
        // 0: exact, 1: below half a unit, 2: exactly half, 3: above half.
        int error;
        if (shift <= 0)
        {
            mantissa = magnitude << -shift;
            error = sticky ? 1 : 0;
        }
        else
        {
            mantissa = magnitude >> shift;
            var rest = magnitude - (mantissa << shift);
            int half = rest.CompareTo(BigInteger.One << (shift - 1));
            error = rest.IsZero && !sticky ? 0 : half < 0 ? 1 : half == 0 && !sticky ? 2 : 3;
        }
        if (biased == 0 && error != 0) flags |= Fpscr.Ufc;
        var mode = Mode(control);
        bool roundUp = mode switch
        {
            RoundingMode.ToNearest => error == 3 || (error == 2 && !mantissa.IsEven),
            RoundingMode.TowardPlusInfinity => error != 0 && !sign,
            RoundingMode.TowardMinusInfinity => error != 0 && sign,
            _ => false,
        };
        bool overflowToInfinity = mode switch
        {
            RoundingMode.ToNearest => true,
            RoundingMode.TowardPlusInfinity => !sign,
            RoundingMode.TowardMinusInfinity => sign,
            _ => false,
        };
        if (roundUp)
        {
            mantissa += 1;
            if (mantissa == BigInteger.One << f.F) biased = 1;
            if (mantissa == BigInteger.One << (f.F + 1))
            {
                biased++;
                mantissa >>= 1;
            }
        }
        bool inexact = error != 0;
        ulong result;
        if (f.N != 16 || (control & Fpscr.Ahp) == 0)
        {
            if (biased >= (1 << f.E) - 1)
            {
                result = overflowToInfinity ? f.Infinity(sign) : f.MaxNormal(sign);
                flags |= Fpscr.Ofc;
                inexact = true;
            }
            else
            {
                result = f.Zero(sign) | ((ulong)biased << f.F) | ((ulong)mantissa & f.FractionMask);
            }
        }
        else if (biased >= 1 << f.E)
        {
            result = f.Zero(sign) | 0x7FFF;
            flags |= Fpscr.Ioc;
            inexact = false;
        }
        else
        {
            result = f.Zero(sign) | ((ulong)biased << f.F) | ((ulong)mantissa & f.FractionMask);
        }
        if (inexact) flags |= Fpscr.Ixc;
        return result;
    }

    /// <summary>Rounds an exact signed value; an exact zero takes the sign the rounding mode gives it (negative only when rounding toward minus infinity).</summary>
    private static ulong RoundSigned(BigInteger value, int exponent, FloatFormat f, uint control, ref uint flags) =>
        value.IsZero
            ? f.Zero(Mode(control) == RoundingMode.TowardMinusInfinity)
            : Round(value.Sign < 0, BigInteger.Abs(value), exponent, false, f, control, ref flags);

    private static BigInteger Signed(in Unpacked u) => u.Sign ? -u.Magnitude : u.Magnitude;

    /// <summary>a + b exactly, as a signed integer times 2^exponent.</summary>
    private static (BigInteger Value, int Exponent) Sum(BigInteger a, int ea, BigInteger b, int eb)
    {
        if (a.IsZero) return (b, eb);
        if (b.IsZero) return (a, ea);
        int e = Math.Min(ea, eb);
        return ((a << (ea - e)) + (b << (eb - e)), e);
    }

    public static ulong Add(ulong op1, ulong op2, FloatFormat f, uint control, ref uint flags) => AddOrSubtract(op1, op2, false, f, control, ref flags);

    public static ulong Subtract(ulong op1, ulong op2, FloatFormat f, uint control, ref uint flags) => AddOrSubtract(op1, op2, true, f, control, ref flags);

    /// <summary>FPAdd and FPSub (which is FPAdd with the second operand's sign flipped once it is known not to be a NaN).</summary>
    private static ulong AddOrSubtract(ulong op1, ulong op2, bool subtract, FloatFormat f, uint control, ref uint flags)
    {
        var a = Unpack(op1, f, control, ref flags);
        var b = Unpack(op2, f, control, ref flags);
        if (ProcessNaNs([a, b], [op1, op2], f, control, ref flags, out ulong nan)) return nan;
        bool signB = b.Sign ^ subtract;
        bool infA = a.Kind == Kind.Infinity, infB = b.Kind == Kind.Infinity;
        if (infA && infB && a.Sign != signB) return InvalidOperation(f, ref flags);
        if ((infA && !a.Sign) || (infB && !signB)) return f.Infinity(false);
        if (infA || infB) return f.Infinity(true);
        if (a.Kind == Kind.Zero && b.Kind == Kind.Zero && a.Sign == signB) return f.Zero(a.Sign);
        var (sum, e) = Sum(Signed(a), a.Exponent, signB ? -b.Magnitude : b.Magnitude, b.Exponent);
        return RoundSigned(sum, e, f, control, ref flags);
    }

    public static ulong Multiply(ulong op1, ulong op2, FloatFormat f, uint control, ref uint flags)
    {
        var a = Unpack(op1, f, control, ref flags);
        var b = Unpack(op2, f, control, ref flags);
        if (ProcessNaNs([a, b], [op1, op2], f, control, ref flags, out ulong nan)) return nan;
        bool sign = a.Sign ^ b.Sign;
        bool infA = a.Kind == Kind.Infinity, infB = b.Kind == Kind.Infinity, zeroA = a.Kind == Kind.Zero, zeroB = b.Kind == Kind.Zero;
        if ((infA && zeroB) || (zeroA && infB)) return InvalidOperation(f, ref flags);
        if (infA || infB) return f.Infinity(sign);
        if (zeroA || zeroB) return f.Zero(sign);
        return Round(sign, a.Magnitude * b.Magnitude, a.Exponent + b.Exponent, false, f, control, ref flags);
    }

    public static ulong Divide(ulong op1, ulong op2, FloatFormat f, uint control, ref uint flags)
    {
        var a = Unpack(op1, f, control, ref flags);
        var b = Unpack(op2, f, control, ref flags);
        if (ProcessNaNs([a, b], [op1, op2], f, control, ref flags, out ulong nan)) return nan;
        bool sign = a.Sign ^ b.Sign;
        bool infA = a.Kind == Kind.Infinity, infB = b.Kind == Kind.Infinity, zeroA = a.Kind == Kind.Zero, zeroB = b.Kind == Kind.Zero;
        if ((infA && infB) || (zeroA && zeroB)) return InvalidOperation(f, ref flags);
        if (infA || zeroB)
        {
            if (!infA) flags |= Fpscr.Dzc;
            return f.Infinity(sign);
        }
        if (zeroA || infB) return f.Zero(sign);
        // Enough quotient bits that the result's last bit and two more are exact, the rest in the sticky bit.
        int extra = Math.Max(0, f.F + 4 + (int)b.Magnitude.GetBitLength() - (int)a.Magnitude.GetBitLength());
        var quotient = BigInteger.DivRem(a.Magnitude << extra, b.Magnitude, out var remainder);
        return Round(sign, quotient, a.Exponent - b.Exponent - extra, !remainder.IsZero, f, control, ref flags);
    }

    public static ulong SquareRoot(ulong op, FloatFormat f, uint control, ref uint flags)
    {
        var a = Unpack(op, f, control, ref flags);
        if (a.IsNaN) return ProcessNaN(a.Kind, op, f, control, ref flags);
        if (a.Kind == Kind.Zero) return f.Zero(a.Sign);
        if (a.Kind == Kind.Infinity && !a.Sign) return f.Infinity(false);
        if (a.Sign) return InvalidOperation(f, ref flags);
        var magnitude = a.Magnitude;
        int exponent = a.Exponent;
        // An even exponent, and twice the bits the root needs (its last bit and two more).
        int shift = Math.Max(0, 2 * (f.F + 4) - (int)magnitude.GetBitLength());
        if (((exponent - shift) & 1) != 0) shift++;
        magnitude <<= shift;
        exponent -= shift;
        var root = IntegerSquareRoot(magnitude);
        return Round(false, root, exponent / 2, root * root != magnitude, f, control, ref flags);
    }

    private static BigInteger IntegerSquareRoot(BigInteger n)
    {
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <summary>FPMulAdd: addend + op1 × op2 with a single rounding (VFMA and its negated forms).</summary>
    public static ulong MulAdd(ulong addend, ulong op1, ulong op2, FloatFormat f, uint control, ref uint flags)
    {
        var c = Unpack(addend, f, control, ref flags);
        var a = Unpack(op1, f, control, ref flags);
        var b = Unpack(op2, f, control, ref flags);
        bool infA = a.Kind == Kind.Infinity, infB = b.Kind == Kind.Infinity, zeroA = a.Kind == Kind.Zero, zeroB = b.Kind == Kind.Zero;
        bool done = ProcessNaNs([c, a, b], [addend, op1, op2], f, control, ref flags, out ulong result);
        // A quiet NaN addend does not hide the invalid product of zero and infinity.
        if (c.Kind == Kind.QuietNaN && ((infA && zeroB) || (zeroA && infB))) return InvalidOperation(f, ref flags);
        if (done) return result;
        bool infC = c.Kind == Kind.Infinity, zeroC = c.Kind == Kind.Zero;
        bool signP = a.Sign ^ b.Sign, infP = infA || infB, zeroP = zeroA || zeroB;
        if ((infA && zeroB) || (zeroA && infB) || (infC && infP && c.Sign != signP)) return InvalidOperation(f, ref flags);
        if ((infC && !c.Sign) || (infP && !signP)) return f.Infinity(false);
        if (infC || infP) return f.Infinity(true);
        if (zeroC && zeroP && c.Sign == signP) return f.Zero(c.Sign);
        var product = a.Magnitude * b.Magnitude;
        var (sum, e) = Sum(Signed(c), c.Exponent, signP ? -product : product, a.Exponent + b.Exponent);
        return RoundSigned(sum, e, f, control, ref flags);
    }

    /// <summary>FPCompare: the NZCV it gives (unordered 0011), raising Invalid Operation for a signalling NaN, or any NaN when <paramref name="signalQuiet"/> (VCMPE).</summary>
    public static uint Compare(ulong op1, ulong op2, FloatFormat f, bool signalQuiet, uint control, ref uint flags)
    {
        var a = Unpack(op1, f, control, ref flags);
        var b = Unpack(op2, f, control, ref flags);
        if (a.IsNaN || b.IsNaN)
        {
            if (a.Kind == Kind.SignallingNaN || b.Kind == Kind.SignallingNaN || signalQuiet) flags |= Fpscr.Ioc;
            return Fpscr.C | Fpscr.V;
        }
        // Every single or double value is exact as a host double.
        double x = ToDouble(a), y = ToDouble(b);
        return x == y ? Fpscr.Z | Fpscr.C : x < y ? Fpscr.N : Fpscr.C;
    }

    private static double ToDouble(in Unpacked u) => u.Kind switch
    {
        Kind.Zero => 0.0,
        Kind.Infinity => u.Sign ? double.NegativeInfinity : double.PositiveInfinity,
        _ => (u.Sign ? -1 : 1) * Math.ScaleB((double)u.Magnitude, u.Exponent),
    };

    private static ulong InvalidOperation(FloatFormat f, ref uint flags)
    {
        flags |= Fpscr.Ioc;
        return f.DefaultNaN;
    }
}
