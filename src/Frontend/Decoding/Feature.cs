namespace Translator.Frontend.Decoding;

/// <summary>The architecture version or extension an encoding belongs to.</summary>
[Flags]
public enum Feature : uint
{
    None = 0,
    /// <summary>ARMv4 to ARMv7-A base instruction set (including v5TE, v6, v6K, v6T2).</summary>
    Base = 1 << 0,
    /// <summary>ARMv7 multiprocessing (PLDW).</summary>
    Mp = 1 << 1,
    /// <summary>SDIV/UDIV in ARM state.</summary>
    Idiv = 1 << 2,
    Security = 1 << 3,
    Virtualization = 1 << 4,
    /// <summary>VFPv3/VFPv4 with 32 double registers, including the half-precision conversions.</summary>
    Vfp = 1 << 5,
    /// <summary>Advanced SIMD.</summary>
    Neon = 1 << 6,
    /// <summary>AArch32 additions of ARMv8 and later (LDA/STL, CRC32, VSEL, VRINT, SB, ...).</summary>
    V8 = 1 << 7,
    /// <summary>ARMv8.2 half-precision arithmetic (coprocessor 9).</summary>
    Fp16 = 1 << 8,
    /// <summary>Never part of ARMv7-A: the legacy FPA, Maverick and XScale DSP coprocessor mnemonics GNU tools still print.</summary>
    Legacy = 1 << 9,
    /// <summary>M-profile encodings (ARMv8-M, ARMv8.1-M: VLLDM, VLSTM, FPSCR_nzcvqc, FPCXT) GNU tools also print in the A32 space.</summary>
    MProfile = 1 << 10,

    /// <summary>What a Cortex-A15 implements.</summary>
    CortexA15 = Base | Mp | Idiv | Security | Virtualization | Vfp | Neon,
}
