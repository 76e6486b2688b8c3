namespace Translator.IR.Semantics;

/// <summary>An IEEE binary format as the ARM ARM's floating-point pseudocode parameterises it: N bits, E of exponent, F of fraction.</summary>
public sealed class FloatFormat
{
    public static readonly FloatFormat Half = new(16, 5, 10);
    public static readonly FloatFormat Single = new(32, 8, 23);
    public static readonly FloatFormat Double = new(64, 11, 52);

    public int N { get; }
    public int E { get; }
    public int F { get; }
    public int Bias { get; }
    /// <summary>The exponent of the smallest normal number (the ARM ARM's minimum_exp).</summary>
    public int MinimumExponent { get; }
    public ulong SignBit { get; }
    public ulong FractionMask { get; }
    public ulong ExponentMask { get; }
    /// <summary>The top fraction bit: set in a quiet NaN.</summary>
    public ulong QuietBit { get; }

    private FloatFormat(int n, int e, int f)
    {
        N = n; E = e; F = f;
        Bias = (1 << (e - 1)) - 1;
        MinimumExponent = 1 - Bias;
        SignBit = 1UL << (n - 1);
        FractionMask = (1UL << f) - 1;
        ExponentMask = ((1UL << e) - 1) << f;
        QuietBit = 1UL << (f - 1);
    }

    public ulong Zero(bool sign) => sign ? SignBit : 0;
    public ulong Infinity(bool sign) => Zero(sign) | ExponentMask;
    public ulong MaxNormal(bool sign) => Zero(sign) | (ExponentMask - (1UL << F)) | FractionMask;
    /// <summary>FPDefaultNaN: positive, quiet, fraction otherwise zero.</summary>
    public ulong DefaultNaN => ExponentMask | QuietBit;
}
