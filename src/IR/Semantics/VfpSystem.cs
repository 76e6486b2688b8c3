using Translator.IR.State;

namespace Translator.IR.Semantics;

/// <summary>What a VFP instruction needs before it may run (the aux of <see cref="Opcode.VfpCheck"/>).</summary>
[Flags]
public enum VfpAccess : byte
{
    /// <summary>Only that CPACR gives the current privilege level access to coprocessors 10 and 11.</summary>
    None = 0,
    /// <summary>FPEXC.EN set: every VFP instruction but the privileged system-register accesses.</summary>
    Enabled = 1,
    /// <summary>FPSCR.LEN and STRIDE zero: the Cortex-A15 has no short vectors, so the instructions that would use them are UNDEFINED.</summary>
    Scalar = 2,
    /// <summary>PL1 or above: VMRS and VMSR of FPSID, MVFR0, MVFR1 and FPEXC.</summary>
    Privileged = 4,
}

/// <summary>
/// The VFP's system registers as a Cortex-A15 with VFPv4-D32 has them, and the access rules for VFP
/// instructions (the ARM ARM's CheckVFPEnabled). The identification values are the ones QEMU and
/// Unicorn give their cortex-a15.
/// </summary>
public static unsafe class VfpSystem
{
    /// <summary>FPSID: ARM, VFPv3-and-later subarchitecture with the common format, part 0x30, variant 0xF.</summary>
    public const uint Fpsid = 0x4104_30F0;
    /// <summary>MVFR0: 32 double registers, single and double precision, divide, square root, round modes; no short vectors, no trapping.</summary>
    public const uint Mvfr0 = 0x1011_0222;
    /// <summary>
    /// MVFR1 of a Cortex-A15 built without the Advanced SIMD extension (which the A15 allows, and which
    /// QEMU models as <c>-cpu cortex-a15,neon=off</c>, reading 0x11000011): fused multiply-add,
    /// half-precision conversion, flush-to-zero and default NaN; no Advanced SIMD load/store, integer,
    /// single- or half-precision parts. Advanced SIMD instructions are UNDEFINED on it, so software
    /// that reads HWCAP (glibc's string functions) keeps to VFP and core instructions.
    /// </summary>
    public const uint Mvfr1 = 0x1100_0011;

    /// <summary>FPEXC.EN; the A15 has no trapped exceptions, so the other bits read as zero.</summary>
    public const uint FpexcEnable = 1u << 30;

    /// <summary>CPACR: cp10 and cp11 (bits 23:20) accessible from PL0 and PL1.</summary>
    public const uint CpacrFullAccess = 0xFu << 20;

    /// <summary>
    /// CPACR's writable bits on an ARMv7 core with the VFP and no Advanced SIMD: D32DIS and the
    /// cp10/cp11 fields (the others are for coprocessors the A15 does not have). ASEDIS reads as one
    /// (<see cref="CpacrReadsAsOne"/>), as the ARM ARM requires without Advanced SIMD.
    /// </summary>
    public const uint CpacrWritable = 0x40F0_0000;

    /// <summary>CPACR.ASEDIS: Advanced SIMD is disabled, for good, on a processor without it.</summary>
    public const uint CpacrReadsAsOne = 1u << 31;

    /// <summary>VMRS/VMSR's numbers of the system registers the A15 has (it has no FPINST, FPINST2 or MVFR2).</summary>
    public const int FpsidNumber = 0, FpscrNumber = 1, Mvfr1Number = 6, Mvfr0Number = 7, FpexcNumber = 8;

    public static bool Exists(int register) => register is FpsidNumber or FpscrNumber or Mvfr1Number or Mvfr0Number or FpexcNumber;

    /// <summary>What VMRS and VMSR of a register need: FPSCR is user state; the others are PL1's, and usable with the VFP disabled.</summary>
    public static VfpAccess AccessFor(int register) => register == FpscrNumber ? VfpAccess.Enabled : VfpAccess.Privileged;

    /// <summary>VMRS of an existing register (see <see cref="Exists"/>).</summary>
    public static uint Read(CpuState* state, int register) => register switch
    {
        FpscrNumber => state->Fpscr,
        FpexcNumber => state->Fpexc,
        FpsidNumber => Fpsid,
        Mvfr0Number => Mvfr0,
        _ => Mvfr1,
    };

    /// <summary>VMSR: FPSCR and FPEXC keep their writable bits; writes of the identification registers are ignored.</summary>
    public static void Write(CpuState* state, int register, uint value)
    {
        if (register == FpscrNumber) state->Fpscr = value & Fpscr.Writable;
        else if (register == FpexcNumber) state->Fpexc = value & FpexcEnable;
    }

    /// <summary>
    /// Whether a VFP instruction needing <paramref name="need"/> may run; if not, it is UNDEFINED. The
    /// cp10 field of CPACR decides (cp11 must be set the same, or the result is UNPREDICTABLE): 0b01
    /// gives access from PL1, 0b11 from PL0 too, anything else none.
    /// </summary>
    public static bool Permits(CpuState* state, VfpAccess need)
    {
        bool privileged = Modes.IsPrivileged(state->Mode);
        uint cp10 = (state->Cpacr >> 20) & 3;
        if (!(cp10 == 3 || (cp10 == 1 && privileged))) return false;
        if ((need & VfpAccess.Privileged) != 0 && !privileged) return false;
        if ((need & VfpAccess.Enabled) != 0 && (state->Fpexc & FpexcEnable) == 0) return false;
        return (need & VfpAccess.Scalar) == 0 || (state->Fpscr & (Fpscr.Len | Fpscr.Stride)) == 0;
    }
}
