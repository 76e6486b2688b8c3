using Translator.Hypervisor.Exceptions;
using Translator.Hypervisor.Memory;
using Translator.IR.State;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The virtual memory system's registers and operations (ARM ARM B4.1, B4.2): the translation table
/// bases and control, the domain access control, the memory region remap registers, the context ID
/// (which carries the ASID), the address translation operations with the PAR they answer in, and the
/// TLB maintenance operations of c8. Writes that change how addresses translate end the block, and
/// after TLB maintenance, a change of a domain's access type or the MMU turned on or off, every
/// cached block is checked against the new translations before it runs again (the mapping epoch).
///
/// Values follow QEMU's Cortex-A15 without the Security Extensions: TTBCR keeps only N (no PD0/PD1)
/// unless EAE is written; PRRR and NMRR read as written (with no caches modelled, memory attributes
/// matter nowhere, and QEMU's PAR reports none); a successful translation sets PAR.NS, as QEMU's
/// Non-secure-only model does.
///
/// With TTBCR.EAE set (the long-descriptor format of LPAE, which U-Boot uses), TTBR0, TTBR1 and PAR are
/// 64-bit (MCRR/MRRC; MCR/MRC reach their low words), the ASID comes from TTBR0 or TTBR1 (TTBCR.A1)
/// instead of CONTEXTIDR, PRRR and NMRR are MAIR0 and MAIR1, and the PAR takes the long format.
/// </summary>
public static unsafe class MemorySystem
{
    private static RegisterEncoding Cp15(int crn, int opc1, int crm, int opc2) => new(15, opc1, crn, crm, opc2);

    private const uint ParFault = 1, ParSupersection = 1u << 1, ParNonSecure = 1u << 9;

    /// <summary>Keeps <see cref="CpuState.AddressSpace"/> in step with SCTLR.M and the ASID (CONTEXTIDR's, or with TTBCR.EAE the TTBR that TTBCR.A1 names).</summary>
    public static void UpdateAddressSpace(CpuState* s)
    {
        uint asid = (s->Ttbcr & ShortDescriptorWalk.TtbcrEae) == 0 ? s->ContextIdr
            : ((s->Ttbcr & LongDescriptorWalk.TtbcrA1) != 0 ? s->Ttbr1High : s->Ttbr0High) >> 16;
        s->AddressSpace = (s->Sctlr & GuestMemory.SctlrM) != 0 ? (asid & 0xFF) | CpuState.AddressSpaceTranslated : 0;
    }

    private static bool LongFormat(CpuState* s) => (s->Ttbcr & ShortDescriptorWalk.TtbcrEae) != 0;

    private static void WriteTtbr(VCpu cpu, ulong value, bool one)
    {
        var s = cpu.State;
        if (one)
        {
            s->Ttbr1 = (uint)value;
            s->Ttbr1High = (uint)(value >> 32);
        }
        else
        {
            s->Ttbr0 = (uint)value;
            s->Ttbr0High = (uint)(value >> 32);
        }
        UpdateAddressSpace(s);
    }

    /// <summary>What an SCTLR write changes for the MMU: turning it on or off, and the access flag and remap models.</summary>
    public static void SctlrWritten(VCpu cpu, uint before)
    {
        var s = cpu.State;
        uint changed = before ^ s->Sctlr;
        if ((changed & (AccessPermissions.SctlrAfe | SystemControl.SctlrTre)) != 0) cpu.Memory.Tlb.FlushTranslated();
        if ((changed & (GuestMemory.SctlrM | AccessPermissions.SctlrAfe | SystemControl.SctlrTre)) != 0) s->MappingEpoch++;
        UpdateAddressSpace(s);
    }

    private static void WriteTtbcr(VCpu cpu, ulong value)
    {
        uint v = (uint)value;
        // With EAE the short-descriptor-only fields are UNK/SBZP (as QEMU masks them); without it, only N exists here.
        cpu.State->Ttbcr = (v & ShortDescriptorWalk.TtbcrEae) != 0 ? v & ~((7u << 19) | (3u << 14) | (0xFu << 3)) : v & ShortDescriptorWalk.TtbcrN;
        // EAE and A1 choose where the ASID comes from.
        UpdateAddressSpace(cpu.State);
    }

    private static void WriteDacr(VCpu cpu, ulong value)
    {
        var s = cpu.State;
        uint before = s->Dacr;
        s->Dacr = (uint)value;
        if (AccessPermissions.ChangedDomains(before, s->Dacr) == 0) return;
        // The table in use is brought up to date now (it is the one the inline path reads); the others when selected.
        cpu.Memory.Tlb.TableFor(s->AddressSpace, Modes.IsPrivileged(s->Mode), s->Dacr);
        s->MappingEpoch++;
    }

    private static void WriteContextIdr(VCpu cpu, ulong value)
    {
        cpu.State->ContextIdr = (uint)value;
        UpdateAddressSpace(cpu.State);
    }

    /// <summary>ATS1C{P,U}{R,W}: translates as a PL1 or PL0 read or write would, and reports in the PAR (in the format TTBCR.EAE selects).</summary>
    private static Action<VCpu, ulong> Translate(bool privileged, AccessKind kind) => (cpu, value) =>
    {
        uint va = (uint)value;
        uint status = cpu.Memory.TryTranslate(va, kind, privileged, fill: false, out uint pa);
        cpu.State->ParHigh = 0;
        if (LongFormat(cpu.State))
        {
            ReportLong(cpu, va, status, pa);
            return;
        }
        if (status != 0)
        {
            // PAR[6:1] = ExT, FS[4:0]; the domain and WnR are not reported.
            cpu.State->Par = ParFault | ((status & 0xF) << 1) | ((status >> 10 & 1) << 5) | ((status >> 12 & 1) << 6);
            return;
        }
        bool supersection = (cpu.State->Sctlr & GuestMemory.SctlrM) != 0
            && ShortDescriptorWalk.Walk(cpu.State, cpu.Memory.Map, va, out var entry) == 0 && entry.Span == 24;
        cpu.State->Par = (supersection ? (pa & 0xFF00_0000) | ParSupersection : pa & 0xFFFF_F000) | ParNonSecure;
    };

    /// <summary>
    /// The long-descriptor PAR (B4.1.113): LPAE (bit 11) always; on a fault F and FST[5:0] in bits 6:1; else
    /// PA[39:12], NS, SH[1:0] in bits 8:7 and the MAIR attribute byte that AttrIndx selects in bits 63:56.
    /// With the MMU off, the flat translation reports attribute 0x00 and SH 0, as QEMU 7.2 does.
    /// </summary>
    private static void ReportLong(VCpu cpu, uint va, uint status, uint pa)
    {
        var s = cpu.State;
        const uint Lpae = 1u << 11;
        if (status != 0)
        {
            s->Par = ParFault | (FaultStatus.InFormat(status, longFormat: true) & 0x3F) << 1 | Lpae;
            return;
        }
        uint attributes = 0, shareability = 0;
        if ((s->Sctlr & GuestMemory.SctlrM) != 0 && ShortDescriptorWalk.Walk(s, cpu.Memory.Map, va, out var entry) == 0)
        {
            uint mair = entry.AttributeIndex < 4 ? s->Prrr : s->Nmrr;
            attributes = (mair >> (8 * (entry.AttributeIndex & 3))) & 0xFF;
            shareability = entry.Shareability;
        }
        s->Par = (pa & 0xFFFF_F000) | Lpae | ParNonSecure | shareability << 7;
        s->ParHigh = attributes << 24;
    }

    private static Action<VCpu, ulong> Invalidate(Action<VCpu, uint> operation) => (cpu, value) =>
    {
        operation(cpu, (uint)value);
        cpu.State->MappingEpoch++;
    };

    private static readonly Action<VCpu, ulong> InvalidateAll = Invalidate((cpu, _) => cpu.Memory.Tlb.FlushAll());
    private static readonly Action<VCpu, ulong> InvalidateByAddress = Invalidate((cpu, mva) => cpu.Memory.Tlb.FlushAddress(mva & ~0xFFFu));
    private static readonly Action<VCpu, ulong> InvalidateByAsid = Invalidate((cpu, value) => cpu.Memory.Tlb.FlushAsid((byte)value));

    private static SystemRegister Plain(string name, RegisterEncoding encoding, Func<VCpu, uint> read, Action<VCpu, uint> write, bool endsBlock = false) =>
        new(name, encoding, Access.Pl1, cpu => read(cpu), (cpu, value) => write(cpu, (uint)value), endsBlock);

    private static SystemRegister Operation(string name, RegisterEncoding encoding, Action<VCpu, ulong> write) =>
        new(name, encoding, Access.Pl1, null, write, EndsBlock: true);

    public static readonly SystemRegister[] Registers =
    [
        // Reads of these are plain state words, which translated code reads inline; writes change translations.
        Plain("TTBR0", Cp15(2, 0, 0, 0), cpu => cpu.State->Ttbr0, (cpu, v) => cpu.State->Ttbr0 = v, endsBlock: true) with { StateOffset = SystemRegister.OffsetOf(nameof(CpuState.Ttbr0)) },
        Plain("TTBR1", Cp15(2, 0, 0, 1), cpu => cpu.State->Ttbr1, (cpu, v) => cpu.State->Ttbr1 = v, endsBlock: true) with { StateOffset = SystemRegister.OffsetOf(nameof(CpuState.Ttbr1)) },
        // The 64-bit forms: with TTBCR.EAE their high words hold the ASID, which the address space follows.
        new("TTBR0 (64-bit)", RegisterEncoding.Wide(15, 0, 2), Access.Pl1, cpu => (ulong)cpu.State->Ttbr0High << 32 | cpu.State->Ttbr0, (cpu, v) => WriteTtbr(cpu, v, one: false), EndsBlock: true),
        new("TTBR1 (64-bit)", RegisterEncoding.Wide(15, 1, 2), Access.Pl1, cpu => (ulong)cpu.State->Ttbr1High << 32 | cpu.State->Ttbr1, (cpu, v) => WriteTtbr(cpu, v, one: true), EndsBlock: true),
        new("TTBCR", Cp15(2, 0, 0, 2), Access.Pl1, cpu => cpu.State->Ttbcr, WriteTtbcr, EndsBlock: true) { StateOffset = SystemRegister.OffsetOf(nameof(CpuState.Ttbcr)) },
        new("DACR", Cp15(3, 0, 0, 0), Access.Pl1, cpu => cpu.State->Dacr, WriteDacr, EndsBlock: true) { StateOffset = SystemRegister.OffsetOf(nameof(CpuState.Dacr)) },
        // The memory attributes only reach the PAR, which reads them when it is written: nothing to do on a write.
        // With TTBCR.EAE these are MAIR0 and MAIR1, the same registers in QEMU.
        SystemRegister.Word("PRRR", Cp15(10, 0, 2, 0), Access.Pl1, nameof(CpuState.Prrr)),
        SystemRegister.Word("NMRR", Cp15(10, 0, 2, 1), Access.Pl1, nameof(CpuState.Nmrr)),
        new("CONTEXTIDR", Cp15(13, 0, 0, 1), Access.Pl1, cpu => cpu.State->ContextIdr, WriteContextIdr, EndsBlock: true) { StateOffset = SystemRegister.OffsetOf(nameof(CpuState.ContextIdr)) },
        SystemRegister.Word("PAR", Cp15(7, 0, 4, 0), Access.Pl1, nameof(CpuState.Par)),
        new("PAR (64-bit)", RegisterEncoding.Wide(15, 0, 7), Access.Pl1, cpu => (ulong)cpu.State->ParHigh << 32 | cpu.State->Par, (cpu, v) =>
        {
            cpu.State->Par = (uint)v;
            cpu.State->ParHigh = (uint)(v >> 32);
        }),
        Operation("ATS1CPR", Cp15(7, 0, 8, 0), Translate(privileged: true, AccessKind.Read)),
        Operation("ATS1CPW", Cp15(7, 0, 8, 1), Translate(privileged: true, AccessKind.Write)),
        Operation("ATS1CUR", Cp15(7, 0, 8, 2), Translate(privileged: false, AccessKind.Read)),
        Operation("ATS1CUW", Cp15(7, 0, 8, 3), Translate(privileged: false, AccessKind.Write)),
        Operation("TLBIALLIS", Cp15(8, 0, 3, 0), InvalidateAll),
        Operation("TLBIMVAIS", Cp15(8, 0, 3, 1), InvalidateByAddress),
        Operation("TLBIASIDIS", Cp15(8, 0, 3, 2), InvalidateByAsid),
        Operation("TLBIMVAAIS", Cp15(8, 0, 3, 3), InvalidateByAddress),
        Operation("ITLBIALL", Cp15(8, 0, 5, 0), InvalidateAll),
        Operation("ITLBIMVA", Cp15(8, 0, 5, 1), InvalidateByAddress),
        Operation("ITLBIASID", Cp15(8, 0, 5, 2), InvalidateByAsid),
        Operation("DTLBIALL", Cp15(8, 0, 6, 0), InvalidateAll),
        Operation("DTLBIMVA", Cp15(8, 0, 6, 1), InvalidateByAddress),
        Operation("DTLBIASID", Cp15(8, 0, 6, 2), InvalidateByAsid),
        Operation("TLBIALL", Cp15(8, 0, 7, 0), InvalidateAll),
        Operation("TLBIMVA", Cp15(8, 0, 7, 1), InvalidateByAddress),
        Operation("TLBIASID", Cp15(8, 0, 7, 2), InvalidateByAsid),
        Operation("TLBIMVAA", Cp15(8, 0, 7, 3), InvalidateByAddress),
    ];
}
