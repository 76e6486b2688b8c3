namespace Translator.IR.Semantics;

/// <summary>The bits of FPSCR, and which of them a Cortex-A15 lets software write.</summary>
public static class Fpscr
{
    public const uint N = 1u << 31, Z = 1u << 30, C = 1u << 29, V = 1u << 28;
    public const uint Nzcv = 0xF000_0000;
    /// <summary>Advanced SIMD cumulative saturation.</summary>
    public const uint Qc = 1u << 27;
    /// <summary>Alternative half-precision format (no infinities or NaNs) for VCVTB/VCVTT.</summary>
    public const uint Ahp = 1u << 26;
    /// <summary>Default NaN mode: every NaN result is the default NaN.</summary>
    public const uint Dn = 1u << 25;
    /// <summary>Flush-to-zero mode: single and double precision denormals in and out become zeros.</summary>
    public const uint Fz = 1u << 24;
    public const int RModeShift = 22;
    public const uint RMode = 3u << RModeShift;
    public const uint Stride = 3u << 20;
    public const uint Len = 7u << 16;
    /// <summary>The cumulative exception flags: input denormal, inexact, underflow, overflow, division by zero, invalid operation.</summary>
    public const uint Idc = 1u << 7, Ixc = 1u << 4, Ufc = 1u << 3, Ofc = 1u << 2, Dzc = 1u << 1, Ioc = 1u;

    /// <summary>
    /// The bits a VMSR can change on a Cortex-A15: it has no trapped floating-point exceptions, so
    /// the trap enables (bits 15, 12:8) read as zero and ignore writes, and bit 19 (FZ16 in ARMv8.2)
    /// is reserved. LEN and STRIDE are writable although the A15 has no short vectors: their only
    /// effect is to make the vector-capable instructions UNDEFINED.
    /// </summary>
    public const uint Writable = Nzcv | Qc | Ahp | Dn | Fz | RMode | Stride | Len | Idc | Ixc | Ufc | Ofc | Dzc | Ioc;

    /// <summary>The modes under which the host's IEEE arithmetic (round to nearest, denormals kept, NaNs propagated) is ARM's.</summary>
    public const uint HostModes = Dn | Fz | RMode;
}

/// <summary>FPSCR.RMode.</summary>
public enum RoundingMode : byte
{
    ToNearest = 0,
    TowardPlusInfinity = 1,
    TowardMinusInfinity = 2,
    TowardZero = 3,
}
