using Translator.Hypervisor.Exceptions;
using Translator.IR.State;

namespace Translator.Hypervisor.Memory;

/// <summary>What a translation permits at one privilege level.</summary>
public readonly record struct Permitted(bool Read, bool Write, bool Execute);

/// <summary>
/// The checks after a walk (ARM ARM B3.7, B3.12.3), in the order the architecture's fault-checking
/// sequence makes them: the domain (DACR: no access faults, a client is checked against the
/// permissions, a manager is not checked at all), the access flag (when SCTLR.AFE makes AP[0] one;
/// this model keeps no hardware access-flag management, so AF = 0 always faults), then the access
/// permissions AP[2:0] (or AP[2:1] in the simplified model) for PL1 or PL0, execute-never and
/// privileged-execute-never. An instruction fetch needs read permission too. The reserved DACR
/// value 0b10 and AP[2:0] = 0b100 give no access, as on QEMU.
///
/// Long-descriptor translations (<see cref="TranslationEntry.LongDescriptor"/>) skip the domain and
/// always check the access flag, then AP[2:1] as the simplified model reads them.
///
/// Where QEMU orders these differently (it checks the domain before fetching the second-level
/// descriptor, checks the access flag only in client domains and execute-never before it), the
/// architecture's order is kept here; the guest programs compared with QEMU avoid those overlaps.
/// </summary>
public static unsafe class AccessPermissions
{
    public const uint SctlrAfe = 1u << 29;
    private const uint DomainNoAccess = 0, DomainClient = 1, DomainManager = 3;

    /// <summary>Returns 0 when the access is permitted, else the fault status (with the domain).</summary>
    public static uint Check(CpuState* s, in TranslationEntry e, AccessKind kind, bool privileged)
    {
        if (e.LongDescriptor)
        {
            if ((e.AccessPermissions & 1) == 0) return FaultStatus.Long(FaultStatus.LongAccessFlag, e.Level);
            var permitted = Of(s, e, privileged);
            bool allowed = kind switch { AccessKind.Read => permitted.Read, AccessKind.Write => permitted.Write, _ => permitted.Execute };
            return allowed ? 0 : FaultStatus.Long(FaultStatus.LongPermission, e.Level);
        }
        uint type = DomainType(s->Dacr, e.Domain);
        if (type != DomainClient && type != DomainManager)
            return FaultStatus.WithDomain(FaultStatus.AtLevel(e.Level, FaultStatus.DomainSection, FaultStatus.DomainPage), e.Domain);
        if ((s->Sctlr & SctlrAfe) != 0 && (e.AccessPermissions & 1) == 0)
            return FaultStatus.WithDomain(FaultStatus.AtLevel(e.Level, FaultStatus.AccessFlagSection, FaultStatus.AccessFlagPage), e.Domain);
        var p = Of(s, e, privileged);
        bool ok = kind switch { AccessKind.Read => p.Read, AccessKind.Write => p.Write, _ => p.Execute };
        return ok ? 0 : FaultStatus.WithDomain(FaultStatus.AtLevel(e.Level, FaultStatus.PermissionSection, FaultStatus.PermissionPage), e.Domain);
    }

    /// <summary>What the translation permits at the privilege, under the current DACR and SCTLR (nothing that would fault).</summary>
    public static Permitted Of(CpuState* s, in TranslationEntry e, bool privileged)
    {
        // Long descriptors have no domains (every access is checked as a client's) and always the access flag.
        uint type = e.LongDescriptor ? DomainClient : DomainType(s->Dacr, e.Domain);
        if (type != DomainClient && type != DomainManager) return default;
        bool simplified = e.LongDescriptor || (s->Sctlr & SctlrAfe) != 0;
        if (simplified && (e.AccessPermissions & 1) == 0) return default;
        if (type == DomainManager) return new(true, true, true);
        bool read, write;
        if (simplified)
        {
            // AP[2:1]: 00 PL1 read/write; 01 read/write at both; 10 PL1 read-only; 11 read-only at both.
            int ap = e.AccessPermissions >> 1;
            read = privileged || (ap & 1) != 0;
            write = read && (ap & 2) == 0;
        }
        else
        {
            int ap = e.AccessPermissions;
            read = privileged ? ap is 1 or 2 or 3 or 5 or 6 or 7 : ap is 2 or 3 or 6 or 7;
            write = privileged ? ap is 1 or 2 or 3 : ap == 3;
        }
        bool execute = read && !e.ExecuteNever && !(privileged && e.PrivilegedExecuteNever);
        return new(read, write, execute);
    }

    private static uint DomainType(uint dacr, int domain) => (dacr >> (2 * domain)) & 3;

    /// <summary>The domains (bit d for domain d) whose access type differs between two DACR values.</summary>
    public static uint ChangedDomains(uint before, uint after)
    {
        uint changed = 0, diff = before ^ after;
        for (int d = 0; d < 16; d++)
            if (((diff >> (2 * d)) & 3) != 0) changed |= 1u << d;
        return changed;
    }
}
