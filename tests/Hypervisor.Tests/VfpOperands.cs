using Translator.IR.Semantics;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Floating-point register contents for the differential tests, weighted toward the values where
/// ARM's rules and the host's differ or where the rounding and the flags are decided: NaNs quiet
/// and signalling with random payloads, infinities, zeros of both signs, denormals, the normal range's
/// ends, the edges of the integer and fixed-point conversions, halfway cases, and plain numbers.
/// </summary>
internal static class VfpOperands
{
    /// <summary>D0–D31: each holds an awkward double, or two awkward singles (its S registers).</summary>
    public static ulong[] Registers(Random rng)
    {
        var d = new ulong[32];
        for (int k = 0; k < 32; k++)
            d[k] = rng.Next(2) == 0 ? Double(rng) : (ulong)Single(rng) << 32 | Single(rng);
        return d;
    }

    /// <summary>
    /// A random rounding mode, flush-to-zero, default-NaN and alternative-half setting, random flags
    /// (IXC clear as often as set, so the exactness tests run), rarely a short-vector length or stride.
    /// </summary>
    public static uint Fpscr(Random rng, uint? modes = null)
    {
        uint value = (uint)rng.Next(16) << 28 | (uint)rng.Next(2) * IR.Semantics.Fpscr.Qc | (uint)rng.Next(2) * IR.Semantics.Fpscr.Ahp;
        value |= modes ?? ((uint)rng.Next(4) << IR.Semantics.Fpscr.RModeShift | (uint)rng.Next(2) * IR.Semantics.Fpscr.Fz | (uint)rng.Next(2) * IR.Semantics.Fpscr.Dn);
        foreach (uint flag in (ReadOnlySpan<uint>)[IR.Semantics.Fpscr.Ioc, IR.Semantics.Fpscr.Dzc, IR.Semantics.Fpscr.Ofc, IR.Semantics.Fpscr.Ufc, IR.Semantics.Fpscr.Ixc, IR.Semantics.Fpscr.Idc])
            if (rng.Next(2) == 0) value |= flag;
        if (rng.Next(32) == 0) value |= (uint)rng.Next(8) << 16 | (uint)rng.Next(4) << 20;
        return value;
    }

    public static uint Single(Random rng) => (uint)Value(rng, FloatFormat.Single, SingleEdges);

    public static ulong Double(Random rng) => Value(rng, FloatFormat.Double, DoubleEdges);

    private static readonly ulong[] SingleEdges = Edges(v => BitConverter.SingleToUInt32Bits((float)v));
    private static readonly ulong[] DoubleEdges = Edges(BitConverter.DoubleToUInt64Bits);

    /// <summary>Values at the edges of the conversions to 32- and 16-bit integers, and halfway cases of rounding to an integer.</summary>
    private static ulong[] Edges(Func<double, ulong> bits)
    {
        double[] values =
        [
            2147483648.0, 2147483647.0, 2147483647.5, 2147483648.5, 4294967295.0, 4294967295.5, 4294967296.0,
            -2147483648.0, -2147483648.5, -2147483649.0, 32767.5, 32768.0, 65535.5, 65536.0, -32768.5, -32769.0,
            0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1.0, -1.0, 0.25, 3.0, 0.1, 65504.0, 65520.0, 1.0 / 3,
        ];
        return [.. values.Select(bits)];
    }

    private static ulong Value(Random rng, FloatFormat f, ulong[] edges)
    {
        ulong sign = rng.Next(2) == 0 ? 0 : f.SignBit;
        ulong fraction = (ulong)rng.NextInt64() & f.FractionMask;
        ulong maxExponent = f.ExponentMask >> f.F;
        ulong Exponent(ulong e) => e << f.F;
        switch (rng.Next(16))
        {
            case 0: return sign | f.ExponentMask | f.QuietBit | (fraction & (rng.Next(2) == 0 ? 0 : f.FractionMask));
            case 1: return sign | f.ExponentMask | Math.Max(fraction & ~f.QuietBit, 1);
            case 2: return sign | f.ExponentMask;
            case 3: return sign;
            case 4: return sign | Math.Max(fraction >> rng.Next(f.F), 1);
            case 5: return sign | (rng.Next(2) == 0 ? Exponent(1) | (fraction & 0xFF) : f.FractionMask - (fraction & 0xF));
            case 6: return sign | Exponent(maxExponent - 1 - (ulong)rng.Next(3)) | fraction;
            case 7: return sign | Exponent((ulong)rng.Next(1, 4)) | fraction;
            case 8 or 9: return edges[rng.Next(edges.Length)] ^ (rng.Next(4) == 0 ? 1UL : 0);
            case 10: return (ulong)rng.NextInt64() & (f.SignBit | (f.SignBit - 1));
            case 11: return sign | Exponent((ulong)(f.Bias + rng.Next(-3, 4))) | (fraction & ~((1UL << (f.F - 3)) - 1));
            default: return sign | Exponent((ulong)(f.Bias + rng.Next(-40, 41))) | fraction;
        }
    }
}
