using System.Runtime.InteropServices;

namespace Translator.IR.State;

/// <summary>
/// The guest CPU state that translated code reads and writes, as one unmanaged block reached
/// through a pointer (the IL compiler addresses its fields by offset). CPSR is held split: each of
/// N, Z, C, V, Q, T, E, A, I, F is a separate word holding 0 or 1, so a condition is one compare and
/// a flag write one store; <see cref="Cpsr"/> assembles and scatters the architectural value.
///
/// <see cref="R"/> is the current mode's view of R0–R15; the other modes' copies of R8–R14 and
/// their SPSRs live in the bank arrays and are swapped by <see cref="SwitchMode"/>. R15 holds the
/// address of the next instruction to execute whenever control is outside a translated block.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct CpuState
{
    public fixed uint R[16];

    public uint N, Z, C, V, Q;
    /// <summary>GE[3:0].</summary>
    public uint GE;
    /// <summary>ITSTATE[7:0] (IT[7:2] the base condition and mask, IT[1:0] the rest of the mask).</summary>
    public uint IT;
    public uint T, E;
    public uint A, I, F;
    /// <summary>CPSR.M[4:0].</summary>
    public uint Mode;

    /// <summary>R8–R12 of every mode but FIQ, while FIQ is current.</summary>
    public fixed uint R8Usr[5];
    /// <summary>R8–R12 of FIQ, while another mode is current.</summary>
    public fixed uint R8Fiq[5];
    /// <summary>R13 and R14 of each bank (see <see cref="Modes.Bank"/>) while that bank is not current.</summary>
    public fixed uint R13Bank[Modes.BankCount];
    public fixed uint R14Bank[Modes.BankCount];
    /// <summary>SPSR of each bank; slot 0 (User/System) is unused.</summary>
    public fixed uint Spsr[Modes.BankCount];

    /// <summary>The local exclusive monitor: the tagged address, and whether it is in the Exclusive Access state.</summary>
    public uint ExclusiveAddress;
    public uint ExclusiveOpen;
    /// <summary>The value the load-exclusive read, zero-extended: as on QEMU, a store-exclusive fails if memory no longer holds it.</summary>
    public ulong ExclusiveValue;

    /// <summary>VFP/Advanced SIMD registers D0–D31 (S0–S31 alias D0–D15).</summary>
    public fixed ulong D[32];
    public uint Fpscr;
    public uint Fpexc;
    /// <summary>CPACR, which grants access to the floating-point coprocessors (cp10, cp11) by privilege level.</summary>
    public uint Cpacr;

    /// <summary>
    /// The CP15 registers translated code and the hypervisor both read: system control, the MMU's
    /// registers, the fault registers, thread IDs and the vector base. Side effects of writing them
    /// (TLB maintenance, ending the block) are the hypervisor's register table's business.
    /// </summary>
    public uint Sctlr, Actlr, Vbar, Csselr;
    public uint Ttbr0, Ttbr1, Ttbcr, Dacr, ContextIdr, Prrr, Nmrr, Par;
    /// <summary>The high words of the 64-bit TTBR0, TTBR1 and PAR of the long-descriptor format (LPAE: BADDR[39:32], the ASID in bits 23:16; PAR's PA[39:32] and ATTR).</summary>
    public uint Ttbr0High, Ttbr1High, ParHigh;
    public uint Dfsr, Ifsr, Dfar, Ifar;
    public uint TpidrUrw, TpidrUro, TpidrPrw;
    /// <summary>The ThumbEE configuration and handler base (CP14).</summary>
    public uint Teecr, Teehbr;

    /// <summary>Guest instructions retired, for --icount and statistics.</summary>
    public ulong Retired;
    /// <summary>
    /// Compiled regions loop internally only while <see cref="Retired"/> is below this; the
    /// dispatcher sets it to its budget, and lowering it asks running code to return.
    /// </summary>
    public ulong RetireLimit;
    /// <summary>Host address of the vCPU's software TLB, which compiled code indexes inline; set by the dispatcher.</summary>
    public nint Tlb;
    /// <summary>
    /// The address space translated code runs in, as the hypervisor keeps it: the ASID
    /// (CONTEXTIDR[7:0]) in bits 7:0 and <see cref="AddressSpaceTranslated"/> while the MMU is on;
    /// zero with the MMU off (one flat space). Blocks are keyed by it, and the TLB table follows it.
    /// </summary>
    public uint AddressSpace;
    /// <summary>
    /// Bumped by the hypervisor whenever a translation a cached block relied on may have changed (TLB
    /// maintenance, a change of a domain's access type, the MMU turned on or off); a block found with
    /// an older epoch is checked against the current translation of its pages before it runs.
    /// </summary>
    public uint MappingEpoch;

    public const uint AddressSpaceTranslated = 1u << 8;
    /// <summary>A GC handle of the object that serves the call-outs of system-register accesses lowered in translate mode (the vCPU).</summary>
    public nint Owner;
    /// <summary>
    /// What asks the dispatcher to return to the hypervisor at the next block boundary: the IRQ and FIQ
    /// input lines (<see cref="PendingIrq"/>, <see cref="PendingFiq"/>; they count only while CPSR.I
    /// or CPSR.F leaves them unmasked) and a request from another thread (<see cref="PendingAttention"/>,
    /// a host timer's deadline). Changed with interlocked operations, since other threads set bits in it.
    /// </summary>
    public uint Pending;

    public const uint PendingIrq = 1, PendingFiq = 2, PendingAttention = 4;

    /// <summary>Whether <see cref="Pending"/> holds something the current CPSR masks do not hide.</summary>
    public readonly bool NeedsAttention => (Pending & ~(I | (F << 1))) != 0;

    public const uint CpsrModeMask = 0x1F;

    /// <summary>The architectural CPSR value.</summary>
    public uint Cpsr
    {
        readonly get =>
            (N << 31) | (Z << 30) | (C << 29) | (V << 28) | (Q << 27)
            | ((IT & 3) << 25) | ((GE & 0xF) << 16) | ((IT >> 2) << 10)
            | (E << 9) | (A << 8) | (I << 7) | (F << 6) | (T << 5) | (Mode & CpsrModeMask);
        set
        {
            N = (value >> 31) & 1; Z = (value >> 30) & 1; C = (value >> 29) & 1; V = (value >> 28) & 1;
            Q = (value >> 27) & 1;
            IT = ((value >> 25) & 3) | (((value >> 10) & 0x3F) << 2);
            GE = (value >> 16) & 0xF;
            E = (value >> 9) & 1; A = (value >> 8) & 1; I = (value >> 7) & 1; F = (value >> 6) & 1;
            T = (value >> 5) & 1;
            SwitchMode(value & CpsrModeMask);
        }
    }

    /// <summary>
    /// Changes CPSR.M, moving the banked registers so that <see cref="R"/> shows the new mode's view.
    /// The caller has checked that the mode is valid.
    /// </summary>
    public void SwitchMode(uint newMode)
    {
        int oldBank = Modes.Bank(Mode), newBank = Modes.Bank(newMode);
        if (oldBank == newBank || oldBank < 0 || newBank < 0)
        {
            Mode = newMode;
            return;
        }
        R13Bank[oldBank] = R[13];
        R14Bank[oldBank] = R[14];
        if (oldBank == 1 || newBank == 1)
        {
            bool toFiq = newBank == 1;
            for (int k = 0; k < 5; k++)
            {
                if (toFiq) { R8Usr[k] = R[8 + k]; R[8 + k] = R8Fiq[k]; }
                else { R8Fiq[k] = R[8 + k]; R[8 + k] = R8Usr[k]; }
            }
        }
        R[13] = R13Bank[newBank];
        R[14] = R14Bank[newBank];
        Mode = newMode;
    }

    /// <summary>The current mode's SPSR, or null in User and System mode, which have none.</summary>
    public readonly uint? CurrentSpsr
    {
        get
        {
            int bank = Modes.Bank(Mode);
            return bank > 0 ? Spsr[bank] : null;
        }
    }

    /// <summary>Reads R8–R14 of a given mode whatever the current mode is (for MRS banked, LDM ^, exception entry).</summary>
    public readonly uint ReadBanked(int reg, uint mode)
    {
        int bank = Modes.Bank(mode), current = Modes.Bank(Mode);
        if (reg < 8 || reg == 15) return R[reg];
        if (reg <= 12)
        {
            bool wantFiq = bank == 1, isFiq = current == 1;
            return wantFiq == isFiq ? R[reg] : wantFiq ? R8Fiq[reg - 8] : R8Usr[reg - 8];
        }
        if (bank == current) return R[reg];
        return reg == 13 ? R13Bank[bank] : R14Bank[bank];
    }

    /// <summary>Writes R8–R14 of a given mode whatever the current mode is.</summary>
    public void WriteBanked(int reg, uint mode, uint value)
    {
        int bank = Modes.Bank(mode), current = Modes.Bank(Mode);
        if (reg < 8 || reg == 15) { R[reg] = value; return; }
        if (reg <= 12)
        {
            bool wantFiq = bank == 1, isFiq = current == 1;
            if (wantFiq == isFiq) R[reg] = value;
            else if (wantFiq) R8Fiq[reg - 8] = value;
            else R8Usr[reg - 8] = value;
            return;
        }
        if (bank == current) R[reg] = value;
        else if (reg == 13) R13Bank[bank] = value;
        else R14Bank[bank] = value;
    }
}
