using System.Runtime.CompilerServices;
using F = Translator.IR.Semantics.FloatingPointRules;

namespace Translator.IR.Semantics;

/// <summary>
/// The floating-point operations of the IR, one method per opcode (named after it), called by both
/// engines: the interpreter calls them, the IL compiler emits calls the .NET JIT inlines. Each reads
/// FPSCR's modes and sets its cumulative flags through <c>fpscr</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why a fast path, and why this one: ARM's arithmetic and the host's (SSE, IEEE 754) agree exactly
/// on a finite, normal result when FPSCR asks for round to nearest without flush-to-zero or default
/// NaN, which is how nearly all code runs. They differ on NaNs (ARM propagates the first signalling,
/// else the first quiet operand; x86 the first operand, and its default NaN is negative), on what is
/// tiny (ARM detects underflow before rounding, x86 after), and in every other mode. So each method
/// computes the host result, tests FPSCR's mode bits and the result's range in a few compares, and
/// calls the exact ARM ARM rules (<see cref="FloatingPointRules"/>, never inlined) only when either
/// test fails: for NaN, infinite, zero or tiny results, and in the other modes.
/// </para>
/// <para>
/// The cumulative flags are the subtle part. Overflow, underflow, division by zero and invalid
/// operations always leave the fast path (their results are infinite, tiny or NaN), but inexact
/// results are the rule, and IXC must be set by the first one. Once IXC is set an operation cannot
/// change it, so the fast path first looks at IXC: set (the steady state of any program that has
/// rounded once), nothing more is needed; clear, the method proves the result exact or sets IXC,
/// with one more host operation: the rounding error of a sum by TwoSum, of a product, quotient or
/// square root by a fused multiply-add (or, in single precision, by the exact product in double).
/// A program whose arithmetic is all exact (integers held in doubles) so stays on the fast path.
/// Only the fused multiply-add, whose error has no cheap test, leaves it while IXC is clear.
/// </para>
/// </remarks>
public static unsafe partial class FloatingPoint
{
    /// <summary>
    /// Below 2^-968 a product's or quotient's rounding error can itself be too small to represent, so
    /// a fused multiply-add would show zero for an inexact result; the fast path stays above it.
    /// </summary>
    private const double ExactnessFloor = 4.1e-292; // just above 2^-968
    private const float SingleMinNormal = 1.17549435e-38f;
    private const double DoubleMinNormal = 2.2250738585072014e-308;

    private static bool HostModes(uint f) => (f & Fpscr.HostModes) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double D(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float S(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(double v) => BitConverter.DoubleToUInt64Bits(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Bits(float v) => BitConverter.SingleToUInt32Bits(v);

    /// <summary>Sets IXC unless the sum <paramref name="r"/> of x and y is exact (Knuth's TwoSum: its error is computed exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InexactSum(double x, double y, double r, uint f, uint* fpscr)
    {
        if ((f & Fpscr.Ixc) != 0) return;
        double yv = r - x, xv = r - yv;
        if ((x - xv) + (y - yv) != 0) *fpscr = f | Fpscr.Ixc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InexactSum(float x, float y, float r, uint f, uint* fpscr)
    {
        if ((f & Fpscr.Ixc) != 0) return;
        float yv = r - x, xv = r - yv;
        if ((x - xv) + (y - yv) != 0) *fpscr = f | Fpscr.Ixc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpAdd32(uint a, uint b, uint* fpscr)
    {
        float x = S(a), y = S(b), r = x + y;
        uint f = *fpscr;
        // Sums that are tiny are exact, so they never underflow.
        if (HostModes(f) && float.IsFinite(r))
        {
            InexactSum(x, y, r, f, fpscr);
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpAdd32, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpAdd64(ulong a, ulong b, uint* fpscr)
    {
        double x = D(a), y = D(b), r = x + y;
        uint f = *fpscr;
        if (HostModes(f) && double.IsFinite(r))
        {
            InexactSum(x, y, r, f, fpscr);
            return Bits(r);
        }
        return Slow(Opcode.FpAdd64, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpSub32(uint a, uint b, uint* fpscr)
    {
        float x = S(a), y = S(b), r = x - y;
        uint f = *fpscr;
        if (HostModes(f) && float.IsFinite(r))
        {
            InexactSum(x, -y, r, f, fpscr);
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpSub32, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpSub64(ulong a, ulong b, uint* fpscr)
    {
        double x = D(a), y = D(b), r = x - y;
        uint f = *fpscr;
        if (HostModes(f) && double.IsFinite(r))
        {
            InexactSum(x, -y, r, f, fpscr);
            return Bits(r);
        }
        return Slow(Opcode.FpSub64, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpMul32(uint a, uint b, uint* fpscr)
    {
        float x = S(a), y = S(b), r = x * y;
        uint f = *fpscr;
        float m = Math.Abs(r);
        if (HostModes(f) && ((m > SingleMinNormal && m <= float.MaxValue) || (r == 0 && (x == 0 || y == 0))))
        {
            // The exact product of two singles fits a double.
            if ((f & Fpscr.Ixc) == 0 && (double)x * y != r) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpMul32, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpMul64(ulong a, ulong b, uint* fpscr)
    {
        double x = D(a), y = D(b), r = x * y;
        uint f = *fpscr;
        double m = Math.Abs(r);
        if (HostModes(f) && ((m >= ExactnessFloor && m <= double.MaxValue) || (r == 0 && (x == 0 || y == 0))))
        {
            if ((f & Fpscr.Ixc) == 0 && Math.FusedMultiplyAdd(x, y, -r) != 0) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return Slow(Opcode.FpMul64, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpDiv32(uint a, uint b, uint* fpscr)
    {
        float x = S(a), y = S(b), r = x / y;
        uint f = *fpscr;
        float m = Math.Abs(r);
        if (HostModes(f) && ((m > SingleMinNormal && m <= float.MaxValue) || (r == 0 && x == 0)))
        {
            // A zero dividend gives an exact zero (with an infinite divisor the check itself would be NaN).
            if ((f & Fpscr.Ixc) == 0 && x != 0 && (double)r * y != x) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpDiv32, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpDiv64(ulong a, ulong b, uint* fpscr)
    {
        double x = D(a), y = D(b), r = x / y;
        uint f = *fpscr;
        double m = Math.Abs(r);
        if (HostModes(f) && ((m >= ExactnessFloor && m <= double.MaxValue && Math.Abs(x) >= ExactnessFloor) || (r == 0 && x == 0)))
        {
            // A zero dividend gives an exact zero (with an infinite divisor the check itself would be NaN).
            if ((f & Fpscr.Ixc) == 0 && x != 0 && Math.FusedMultiplyAdd(r, y, -x) != 0) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return Slow(Opcode.FpDiv64, a, b, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpSqrt32(uint a, uint* fpscr)
    {
        float x = S(a), r = MathF.Sqrt(x);
        uint f = *fpscr;
        if (HostModes(f) && ((x > 0 && x <= float.MaxValue) || x == 0))
        {
            if ((f & Fpscr.Ixc) == 0 && (double)r * r != x) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return (uint)Slow(Opcode.FpSqrt32, a, 0, 0, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpSqrt64(ulong a, uint* fpscr)
    {
        double x = D(a), r = Math.Sqrt(x);
        uint f = *fpscr;
        if (HostModes(f) && ((x >= ExactnessFloor && x <= double.MaxValue) || x == 0))
        {
            if ((f & Fpscr.Ixc) == 0 && Math.FusedMultiplyAdd(r, r, -x) != 0) *fpscr = f | Fpscr.Ixc;
            return Bits(r);
        }
        return Slow(Opcode.FpSqrt64, a, 0, 0, 0, fpscr);
    }

    /// <summary>FPMulAdd(addend, a, b): fused, one rounding. On the fast path only once IXC is set (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint FpMulAdd32(uint addend, uint a, uint b, uint* fpscr)
    {
        float r = MathF.FusedMultiplyAdd(S(a), S(b), S(addend));
        uint f = *fpscr;
        float m = Math.Abs(r);
        if ((f & (Fpscr.HostModes | Fpscr.Ixc)) == Fpscr.Ixc && m > SingleMinNormal && m <= float.MaxValue) return Bits(r);
        return (uint)Slow(Opcode.FpMulAdd32, addend, a, b, 0, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FpMulAdd64(ulong addend, ulong a, ulong b, uint* fpscr)
    {
        double r = Math.FusedMultiplyAdd(D(a), D(b), D(addend));
        uint f = *fpscr;
        double m = Math.Abs(r);
        if ((f & (Fpscr.HostModes | Fpscr.Ixc)) == Fpscr.Ixc && m > DoubleMinNormal && m <= double.MaxValue) return Bits(r);
        return Slow(Opcode.FpMulAdd64, addend, a, b, 0, fpscr);
    }

    /// <summary>VCMP (aux 0) and VCMPE (aux 1): FPSCR.NZCV from the comparison.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FpCompare32(uint a, uint b, ulong aux, uint* fpscr)
    {
        float x = S(a), y = S(b);
        uint f = *fpscr;
        // Flush-to-zero only matters for denormal operands; NaNs need the rules' signalling test.
        if ((f & Fpscr.Fz) == 0 && !float.IsNaN(x) && !float.IsNaN(y))
            *fpscr = (f & ~Fpscr.Nzcv) | Ordered(x, y);
        else
            CompareSlow(a, b, false, aux, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FpCompare64(ulong a, ulong b, ulong aux, uint* fpscr)
    {
        double x = D(a), y = D(b);
        uint f = *fpscr;
        if ((f & Fpscr.Fz) == 0 && !double.IsNaN(x) && !double.IsNaN(y))
            *fpscr = (f & ~Fpscr.Nzcv) | Ordered(x, y);
        else
            CompareSlow(a, b, true, aux, fpscr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Ordered(double x, double y) => x == y ? Fpscr.Z | Fpscr.C : x < y ? Fpscr.N : Fpscr.C;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CompareSlow(ulong a, ulong b, bool dp, ulong aux, uint* fpscr)
    {
        uint flags = *fpscr;
        uint nzcv = F.Compare(a, b, dp ? FloatFormat.Double : FloatFormat.Single, aux != 0, flags, ref flags);
        *fpscr = (flags & ~Fpscr.Nzcv) | nzcv;
    }

    /// <summary>Any floating-point opcode by the ARM ARM's rules: the common slow path, never inlined.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Slow(Opcode op, ulong a, ulong b, ulong c, ulong aux, uint* fpscr)
    {
        uint flags = *fpscr, control = flags;
        FloatFormat s = FloatFormat.Single, d = FloatFormat.Double;
        var fixedPoint = FixedPoint.FromAux(aux);
        ulong result = op switch
        {
            Opcode.FpAdd32 => F.Add(a, b, s, control, ref flags),
            Opcode.FpAdd64 => F.Add(a, b, d, control, ref flags),
            Opcode.FpSub32 => F.Subtract(a, b, s, control, ref flags),
            Opcode.FpSub64 => F.Subtract(a, b, d, control, ref flags),
            Opcode.FpMul32 => F.Multiply(a, b, s, control, ref flags),
            Opcode.FpMul64 => F.Multiply(a, b, d, control, ref flags),
            Opcode.FpDiv32 => F.Divide(a, b, s, control, ref flags),
            Opcode.FpDiv64 => F.Divide(a, b, d, control, ref flags),
            Opcode.FpSqrt32 => F.SquareRoot(a, s, control, ref flags),
            Opcode.FpSqrt64 => F.SquareRoot(a, d, control, ref flags),
            Opcode.FpMulAdd32 => F.MulAdd(a, b, c, s, control, ref flags),
            Opcode.FpMulAdd64 => F.MulAdd(a, b, c, d, control, ref flags),
            Opcode.FpSingleToDouble => F.Convert(a, s, d, control, ref flags),
            Opcode.FpDoubleToSingle => F.Convert(a, d, s, control, ref flags),
            Opcode.FpHalfToSingle => F.Convert(a, FloatFormat.Half, s, control, ref flags),
            Opcode.FpSingleToHalf => F.Convert(a, s, FloatFormat.Half, control, ref flags),
            Opcode.FpSingleToFixed => Extend(F.ToFixed(a, s, fixedPoint.Size, fixedPoint.FractionBits, fixedPoint.Unsigned, fixedPoint.TowardZero, control, ref flags), fixedPoint),
            Opcode.FpDoubleToFixed => Extend(F.ToFixed(a, d, fixedPoint.Size, fixedPoint.FractionBits, fixedPoint.Unsigned, fixedPoint.TowardZero, control, ref flags), fixedPoint),
            Opcode.FpFixedToSingle => F.FromFixed(a, s, fixedPoint.Size, fixedPoint.FractionBits, fixedPoint.Unsigned, control, ref flags),
            Opcode.FpFixedToDouble => F.FromFixed(a, d, fixedPoint.Size, fixedPoint.FractionBits, fixedPoint.Unsigned, control, ref flags),
            _ => throw new ArgumentException($"{op} is not a floating-point operation"),
        };
        *fpscr = flags;
        return result;
    }

    /// <summary>A 16-bit fixed-point result fills its 32-bit register sign- or zero-extended.</summary>
    private static ulong Extend(ulong value, FixedPoint format) =>
        format.Halfword && !format.Unsigned ? (uint)(int)(short)value : value;

    /// <summary>The interpreter's entry: a floating-point opcode on its raw arguments (0 for the comparisons, which only write FPSCR).</summary>
    public static ulong Evaluate(Opcode op, ulong aux, ReadOnlySpan<ulong> x, uint* fpscr)
    {
        switch (op)
        {
            case Opcode.FpCompare32: FpCompare32((uint)x[0], (uint)x[1], aux, fpscr); return 0;
            case Opcode.FpCompare64: FpCompare64(x[0], x[1], aux, fpscr); return 0;
        }
        return op switch
        {
            Opcode.FpAdd32 => FpAdd32((uint)x[0], (uint)x[1], fpscr),
            Opcode.FpAdd64 => FpAdd64(x[0], x[1], fpscr),
            Opcode.FpSub32 => FpSub32((uint)x[0], (uint)x[1], fpscr),
            Opcode.FpSub64 => FpSub64(x[0], x[1], fpscr),
            Opcode.FpMul32 => FpMul32((uint)x[0], (uint)x[1], fpscr),
            Opcode.FpMul64 => FpMul64(x[0], x[1], fpscr),
            Opcode.FpDiv32 => FpDiv32((uint)x[0], (uint)x[1], fpscr),
            Opcode.FpDiv64 => FpDiv64(x[0], x[1], fpscr),
            Opcode.FpSqrt32 => FpSqrt32((uint)x[0], fpscr),
            Opcode.FpSqrt64 => FpSqrt64(x[0], fpscr),
            Opcode.FpMulAdd32 => FpMulAdd32((uint)x[0], (uint)x[1], (uint)x[2], fpscr),
            Opcode.FpMulAdd64 => FpMulAdd64(x[0], x[1], x[2], fpscr),
            Opcode.FpSingleToDouble => FpSingleToDouble((uint)x[0], fpscr),
            Opcode.FpDoubleToSingle => FpDoubleToSingle(x[0], fpscr),
            Opcode.FpHalfToSingle => FpHalfToSingle((uint)x[0], fpscr),
            Opcode.FpSingleToHalf => FpSingleToHalf((uint)x[0], fpscr),
            Opcode.FpSingleToFixed => FpSingleToFixed((uint)x[0], aux, fpscr),
            Opcode.FpDoubleToFixed => FpDoubleToFixed(x[0], aux, fpscr),
            Opcode.FpFixedToSingle => FpFixedToSingle((uint)x[0], aux, fpscr),
            Opcode.FpFixedToDouble => FpFixedToDouble((uint)x[0], aux, fpscr),
            _ => throw new ArgumentException($"{op} is not a floating-point operation"),
        };
    }
}
