using System.Buffers.Binary;
using Translator.Backend.Execution;
using Translator.Backend.Memory;
using Translator.Hypervisor.Exceptions;
using Translator.IR;
using Translator.IR.State;

namespace Translator.Hypervisor.Memory;

/// <summary>
/// The guest's memory as its CPU sees it: virtual addresses translated by the VMSAv7 MMU when
/// SCTLR.M is set (virtual = physical when it is clear, or when no CPU is attached), then RAM or a
/// device window. Translations to RAM are entered in the shadow TLB on first use, so the inline fast
/// path handles them afterwards; device windows always take the slow path; a fault is thrown as a
/// <see cref="GuestAbortException"/> with the status the DFSR/IFSR reports. Pages holding translated
/// code are never writable through the TLB, so a store to them, through whatever alias, reaches
/// <see cref="CodeWritten"/> and invalidates their blocks. Instructions are fetched from RAM and from a
/// <see cref="IRomDevice"/> while it reads as memory (firmware in flash); any write to such a device
/// drops the blocks translated from it.
/// </summary>
public sealed unsafe class GuestMemory(PhysicalMap map, BlockCache? code = null) : IGuestMemory, IDisposable
{
    public const uint SctlrM = 1u << 0, SctlrA = 1u << 1;

    public ShadowTlb Tlb { get; } = new();
    public PhysicalMap Map { get; } = map;
    public BlockCache? Code { get; set; } = code;
    /// <summary>The CPU whose MMU translates this memory's addresses; null: none, virtual = physical.</summary>
    public CpuState* State { get; set; }

    public long MmioAccesses { get; private set; }
    public long CodeInvalidations { get; private set; }
    /// <summary>The ROM device windows instructions were fetched from since their last write (only those need their blocks dropped when written).</summary>
    private readonly HashSet<PhysicalMap.Region> _romHoldingCode = [];

    public nint SelectTlb(CpuState* state) => (nint)Tlb.TableFor(state->AddressSpace, Modes.IsPrivileged(state->Mode), state->Dacr).Entries;

    public ulong Read(uint address, int size, MemoryAccess access)
    {
        Tlb.Statistics.Misses++;
        CheckAlignment(address, size, access, write: false);
        if (CrossesPage(address, size))
        {
            ulong v = 0;
            for (int k = 0; k < size; k++) v |= Read(address + (uint)k, 1, access & MemoryAccess.Unprivileged) << (8 * k);
            return v;
        }
        uint pa = Translate(address, access, AccessKind.Read);
        if (Map.RamAt(pa) is { } ram)
        {
            byte* p = ram.Host + (pa - ram.Base);
            return size switch { 1 => *p, 2 => *(ushort*)p, 4 => *(uint*)p, _ => *(ulong*)p };
        }
        if (Map.DeviceAt(pa) is { } dev)
        {
            MmioAccesses++;
            if (size == 8) return DeviceRead(dev, address, pa, 4) | ((ulong)DeviceRead(dev, address + 4, pa + 4, 4) << 32);
            return DeviceRead(dev, address, pa, size);
        }
        throw new GuestAbortException(address, false, FaultStatus.SynchronousExternal, $"read of {size} bytes at 0x{address:x8}{Physical(address, pa)}: no RAM or device there");
    }

    public void Write(uint address, int size, ulong value, MemoryAccess access)
    {
        Tlb.Statistics.Misses++;
        CheckAlignment(address, size, access, write: true);
        if (CrossesPage(address, size))
        {
            for (int k = 0; k < size; k++) Write(address + (uint)k, 1, (byte)(value >> (8 * k)), access & MemoryAccess.Unprivileged);
            return;
        }
        uint pa = Translate(address, access, AccessKind.Write);
        if (Map.RamAt(pa) is { } ram)
        {
            byte* p = ram.Host + (pa - ram.Base);
            switch (size)
            {
                case 1: *p = (byte)value; break;
                case 2: *(ushort*)p = (ushort)value; break;
                case 4: *(uint*)p = (uint)value; break;
                default: *(ulong*)p = value; break;
            }
            if (Code is { } code && code.HoldsCode(pa)) CodeWritten(pa, size);
            return;
        }
        if (Map.DeviceAt(pa) is { } dev)
        {
            MmioAccesses++;
            try
            {
                // A command may take the device out of its memory-like mode or change its contents: code
                // translated from it is stale. Only the first write after a fetch from it has anything to drop.
                if (dev.Device is IRomDevice && _romHoldingCode.Remove(dev) && Code is { } code) CodeInvalidations += code.InvalidateRange(dev.Base, dev.Size);
                if (size == 8)
                {
                    dev.Device.Write(pa - dev.Base, 4, (uint)value);
                    dev.Device.Write(pa - dev.Base + 4, 4, (uint)(value >> 32));
                }
                else dev.Device.Write(pa - dev.Base, size, (uint)value);
            }
            catch (MmioException e)
            {
                throw new GuestAbortException(address, true, FaultStatus.SynchronousExternal, $"write of {size} bytes to {dev.Device.Name} at 0x{address:x8}{Physical(address, pa)}: {e.Message}");
            }
            return;
        }
        throw new GuestAbortException(address, true, FaultStatus.SynchronousExternal, $"write of {size} bytes at 0x{address:x8}{Physical(address, pa)}: no RAM or device there");
    }

    /// <summary>Called after a store to the physical page of translated code: its blocks are dropped.</summary>
    public void CodeWritten(uint address, int size)
    {
        if (Code is null) return;
        CodeInvalidations += Code.InvalidatePage(address);
    }

    /// <summary>
    /// Translates a virtual address for an access of the current privilege (PL0 for an unprivileged
    /// one) and enters the translation in the TLB table of that privilege when it leads to RAM.
    /// Throws the fault the access takes.
    /// </summary>
    private uint Translate(uint va, MemoryAccess access, AccessKind kind)
    {
        var s = State;
        bool privileged = s == null || (Modes.IsPrivileged(s->Mode) && (access & MemoryAccess.Unprivileged) == 0);
        uint status = TryTranslate(va, kind, privileged, fill: true, out uint pa);
        if (status != 0)
            throw new GuestAbortException(va, kind == AccessKind.Write, status,
                $"{(kind == AccessKind.Write ? "write" : "read")} at 0x{va:x8}{(privileged ? "" : " (PL0)")}: {Describe(status)}");
        return pa;
    }

    /// <summary>
    /// Translates a virtual address for an access of the given kind and privilege without raising
    /// anything: returns 0 and the physical address, or the fault status (with the domain) the access
    /// would report. With <paramref name="fill"/>, a translation to RAM is entered in the TLB.
    /// </summary>
    public uint TryTranslate(uint va, AccessKind kind, bool privileged, bool fill, out uint pa)
    {
        var s = State;
        if (s == null || (s->Sctlr & SctlrM) == 0)
        {
            pa = va;
            if (fill) FillFlat(va);
            return 0;
        }
        Tlb.Statistics.Walks++;
        uint status = ShortDescriptorWalk.Walk(s, Map, va, out var entry);
        if (status == 0) status = AccessPermissions.Check(s, entry, kind, privileged);
        if (status != 0)
        {
            pa = 0;
            return status;
        }
        // A supersection's extended address leads beyond 4 GB, where nothing is: an external abort.
        if (entry.BeyondFourGiB)
        {
            pa = 0;
            return FaultStatus.SynchronousExternal;
        }
        pa = entry.PhysicalAddress(va);
        if (fill) FillTranslated(s, va, pa, entry, privileged);
        return 0;
    }

    /// <summary>Reads instruction bytes for the translator or a report, as the current mode would fetch them (from RAM or a ROM device's view).</summary>
    public bool TryFetch(uint address, int size, out uint value)
    {
        bool privileged = State == null || Modes.IsPrivileged(State->Mode);
        return TryFetch(address, size, privileged, out value, out _, out _) == 0;
    }

    /// <summary>
    /// Fetches instruction bytes at a privilege: returns 0 with the value and the physical address,
    /// or the fault status the prefetch abort reports (a fetch from neither RAM nor a ROM device reading as
    /// memory is an external abort).
    /// </summary>
    public uint TryFetch(uint address, int size, bool privileged, out uint value, out uint pa, out bool global)
    {
        value = 0;
        global = true;
        uint status = TryTranslate(address, AccessKind.Execute, privileged, fill: true, out pa);
        if (status != 0) return status;
        if (State != null && (State->Sctlr & SctlrM) != 0)
            global = ShortDescriptorWalk.Walk(State, Map, address, out var entry) == 0 && entry.Global;
        return TryReadCode(pa, size, out value) ? 0 : FaultStatus.SynchronousExternal;
    }

    /// <summary>Reads instruction bits at a physical address already known to be fetchable; false when neither RAM nor a ROM device's view holds them.</summary>
    public bool TryReadCode(uint pa, int size, out uint value)
    {
        if (Map.RamAt(pa) is { } ram)
        {
            value = 0;
            if (!ram.Contains(pa, (uint)size)) return false;
            byte* p = ram.Host + (pa - ram.Base);
            value = size == 2 ? *(ushort*)p : *(uint*)p;
            return true;
        }
        return TryReadRom(pa, size, out value);
    }

    /// <summary>
    /// Instruction bits from a ROM device's view. The window is remembered as holding code (a report's fetch
    /// counts too: one needless invalidation at most), so that its next write drops what was translated.
    /// </summary>
    private bool TryReadRom(uint pa, int size, out uint value)
    {
        value = 0;
        if (Map.DeviceAt(pa) is not { Device: IRomDevice rom } region || !rom.TryGetReadOnlyView(out var contents)) return false;
        uint offset = pa - region.Base;
        if ((ulong)offset + (uint)size > (ulong)contents.Length) return false;
        // Instructions are little-endian whatever the data endianness (BE8), as the RAM path reads them.
        value = size == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(contents[(int)offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(contents[(int)offset..]);
        _romHoldingCode.Add(region);
        return true;
    }

    /// <summary>The physical page the TLB holds for an instruction fetch from <paramref name="address"/> at the privilege, or null when it holds none.</summary>
    public uint? ExecutablePhysicalPage(uint address, bool privileged)
    {
        var s = State;
        uint space = s == null ? 0 : s->AddressSpace;
        return Tlb.TableFor(space, privileged, s == null ? 0 : s->Dacr).ExecutablePhysicalPage(address);
    }

    /// <summary>Call when a physical page starts holding translated code: no TLB entry may write to it any more.</summary>
    public void ProtectCode(uint physicalAddress) => Tlb.RevokeWrites(physicalAddress);

    private void FillFlat(uint va)
    {
        uint page = va & SoftTlb.PageMask;
        if (Map.RamAt(page) is not { } ram || !ram.Contains(page, 4096)) return;
        var table = Tlb.TableFor(0, privileged: true, 0);
        bool writable = Code is null || !Code.HoldsCode(page);
        Fill(table, page, ram, page, new Permitted(true, writable, true), SoftTlb.NoDomain, SoftTlb.PageBits);
    }

    private void FillTranslated(CpuState* s, uint va, uint pa, in TranslationEntry entry, bool privileged)
    {
        uint physicalPage = pa & SoftTlb.PageMask;
        if (Map.RamAt(physicalPage) is not { } ram || !ram.Contains(physicalPage, 4096)) return;
        var permitted = AccessPermissions.Of(s, entry, privileged);
        if (Code is { } code && code.HoldsCode(physicalPage)) permitted = permitted with { Write = false };
        var table = Tlb.TableFor(s->AddressSpace, privileged, s->Dacr);
        Fill(table, va & SoftTlb.PageMask, ram, physicalPage, permitted, entry.Domain, entry.Span);
    }

    private void Fill(SoftTlb table, uint page, Ram ram, uint physicalPage, Permitted p, byte domain, int span)
    {
        Tlb.Statistics.Fills++;
        table.Fill(page, (nint)(ram.Host + (physicalPage - ram.Base)), p.Read, p.Write, p.Execute, physicalPage, domain, span);
        if (p.Write) Tlb.NoteWritable(table, SoftTlb.IndexOf(page), physicalPage);
    }

    private static bool CrossesPage(uint address, int size) => (address & 0xFFF) + (uint)size > 0x1000;

    private uint DeviceRead(PhysicalMap.Region dev, uint address, uint pa, int size)
    {
        try
        {
            return dev.Device.Read(pa - dev.Base, size);
        }
        catch (MmioException e)
        {
            throw new GuestAbortException(address, false, FaultStatus.SynchronousExternal, $"read of {size} bytes from {dev.Device.Name} at 0x{address:x8}{Physical(address, pa)}: {e.Message}");
        }
    }

    /// <summary>
    /// Alignment faults come before any translation. An access marked <see cref="MemoryAccess.Aligned"/>
    /// (the exclusives) must be aligned to its size; with SCTLR.A set every other access must be
    /// aligned to its size up to a word (LDRD, LDM and the VFP's loads need word alignment only).
    /// </summary>
    private void CheckAlignment(uint address, int size, MemoryAccess access, bool write)
    {
        uint mask = (access & MemoryAccess.Aligned) != 0 ? (uint)(size - 1)
            : State != null && (State->Sctlr & SctlrA) != 0 ? (uint)(Math.Min(size, 4) - 1) : 0;
        if ((address & mask) != 0)
            throw new GuestAbortException(address, write, FaultStatus.Alignment, $"unaligned {(write ? "write" : "read")} of {size} bytes at 0x{address:x8}");
    }

    private static string Physical(uint va, uint pa) => va == pa ? "" : $" (physical 0x{pa:x8})";

    private static string Describe(uint status) => (status & FaultStatus.LongFormat) != 0 ? DescribeLong(status) : (status & 0x40F) switch
    {
        FaultStatus.TranslationSection => "translation fault (section)",
        FaultStatus.TranslationPage => "translation fault (page)",
        FaultStatus.AccessFlagSection => "access flag fault (section)",
        FaultStatus.AccessFlagPage => "access flag fault (page)",
        FaultStatus.DomainSection => $"domain fault (section, domain {(status >> 4) & 0xF})",
        FaultStatus.DomainPage => $"domain fault (page, domain {(status >> 4) & 0xF})",
        FaultStatus.PermissionSection => "permission fault (section)",
        FaultStatus.PermissionPage => "permission fault (page)",
        FaultStatus.WalkExternalFirstLevel or FaultStatus.WalkExternalSecondLevel => "the translation table walk reached no RAM",
        _ => $"fault status 0x{status:x3}",
    };

    private static string DescribeLong(uint status)
    {
        int level = (int)(status & 3);
        return (status & 0x3C) switch
        {
            FaultStatus.LongTranslation => $"translation fault (level {level})",
            FaultStatus.LongAccessFlag => $"access flag fault (level {level})",
            FaultStatus.LongPermission => $"permission fault (level {level})",
            FaultStatus.LongWalkExternal => $"the translation table walk reached no RAM (level {level})",
            _ => $"fault status 0x{status & 0x3F:x2} (long-descriptor format)",
        };
    }

    public void Dispose() => Tlb.Dispose();
}
