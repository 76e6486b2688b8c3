using Translator.Backend.Memory;
using Translator.IR.State;

namespace Translator.Hypervisor.Memory;

/// <summary>
/// The shadow page table: software TLB tables, one per (ASID, privilege) allocated when first used,
/// and one flat table for the MMU off (virtual = physical; privilege does not matter there). Each
/// table holds global and non-global translations alike; as a table belongs to one ASID, switching
/// ASID (a CONTEXTIDR write) only switches tables and never flushes, and a process's translations
/// survive until TLB maintenance removes them.
///
/// Permissions depend on the DACR. A table records the DACR it was filled under; when it is used
/// under another value, only the entries of the domains whose access type changed are dropped
/// (each table keeps a bitmap of entries per domain). The table in use is brought up to date at the
/// DACR write itself; the others when they are next selected, so a kernel that toggles its user
/// domain on every system call costs the user-mode table nothing when the DACR is back to the value
/// that table knew by the time user code runs again.
///
/// Pages holding translated code must never be writable through a table: every writable entry is
/// indexed by its physical page, so that write permission can be taken away from all of them (any
/// ASID, any alias) when the page starts holding code.
/// </summary>
public sealed class ShadowTlb : IDisposable
{
    private readonly SoftTlb _flat = new();
    private readonly SoftTlb?[] _tables = new SoftTlb?[2 * 256];
    private readonly List<SoftTlb> _allocated = [];
    private readonly Dictionary<uint, HashSet<(SoftTlb Table, int Index)>> _writable = [];

    public TlbStatistics Statistics { get; } = new();

    /// <summary>The table for an address space (see <see cref="CpuState.AddressSpace"/>) and privilege, brought up to date for <paramref name="dacr"/>.</summary>
    public SoftTlb TableFor(uint addressSpace, bool privileged, uint dacr)
    {
        if ((addressSpace & CpuState.AddressSpaceTranslated) == 0) return _flat;
        int slot = 2 * (int)(addressSpace & 0xFF) + (privileged ? 1 : 0);
        var table = _tables[slot];
        if (table is null)
        {
            _tables[slot] = table = new SoftTlb { Dacr = dacr };
            _allocated.Add(table);
        }
        else if (table.Dacr != dacr)
        {
            uint changed = AccessPermissions.ChangedDomains(table.Dacr, dacr);
            if (!table.IsEmpty && changed != 0)
            {
                table.FlushDomains(changed);
                Statistics.DomainFlushes++;
            }
            table.Dacr = dacr;
        }
        return table;
    }

    /// <summary>Records that entry <paramref name="index"/> of <paramref name="table"/> writes to a physical page.</summary>
    public void NoteWritable(SoftTlb table, int index, uint physicalPage)
    {
        uint page = physicalPage >> 12;
        if (!_writable.TryGetValue(page, out var entries)) _writable[page] = entries = [];
        // An entry refilled for the same page is already here; ones since refilled for other pages are stale.
        else if (entries.Count >= 32 && !entries.Contains((table, index))) entries.RemoveWhere(w => w.Table.WritablePhysicalPage(w.Index) != physicalPage);
        entries.Add((table, index));
    }

    /// <summary>Takes write permission away from every entry, in any table, that maps the physical page.</summary>
    public void RevokeWrites(uint physicalAddress)
    {
        uint page = physicalAddress & SoftTlb.PageMask;
        if (!_writable.Remove(page >> 12, out var list)) return;
        foreach (var (table, index) in list)
            if (table.WritablePhysicalPage(index) == page) table.RevokeWrite(index);
    }

    /// <summary>TLBIALL and its forms: every table.</summary>
    public void FlushAll()
    {
        Statistics.FlushesAll++;
        _flat.FlushAll();
        foreach (var t in _allocated) t.FlushAll();
    }

    /// <summary>TLBIASID and its forms: the ASID's tables (with the global entries they hold, which costs only refills).</summary>
    public void FlushAsid(byte asid)
    {
        Statistics.FlushesByAsid++;
        _tables[2 * asid]?.FlushAll();
        _tables[2 * asid + 1]?.FlushAll();
    }

    /// <summary>
    /// TLBIMVA, TLBIMVAA and their forms: every translation of the page, in every table (TLBIMVA also
    /// removes global entries, which any table may hold; removing other ASIDs' entries too is only
    /// more than required).
    /// </summary>
    public void FlushAddress(uint address)
    {
        Statistics.FlushesByAddress++;
        foreach (var t in _allocated) if (!t.IsEmpty) t.FlushMapping(address);
    }

    /// <summary>Drops every translated table (the MMU's configuration changed under them: SCTLR.AFE, SCTLR.TRE).</summary>
    public void FlushTranslated()
    {
        Statistics.FlushesAll++;
        foreach (var t in _allocated) t.FlushAll();
    }

    public void Dispose()
    {
        _flat.Dispose();
        foreach (var t in _allocated) t.Dispose();
    }
}

/// <summary>What the shadow TLB did, for --stats.</summary>
public sealed class TlbStatistics
{
    /// <summary>Accesses the inline fast path could not serve (they took the slow path).</summary>
    public long Misses;
    /// <summary>Entries filled after a translation.</summary>
    public long Fills;
    /// <summary>Translation table walks.</summary>
    public long Walks;
    public long FlushesAll;
    public long FlushesByAsid;
    public long FlushesByAddress;
    /// <summary>Tables brought up to date after a DACR change of some domain's access type.</summary>
    public long DomainFlushes;
}
