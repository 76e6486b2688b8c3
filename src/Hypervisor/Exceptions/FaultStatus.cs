namespace Translator.Hypervisor.Exceptions;

/// <summary>
/// Short-descriptor fault status values (DFSR/IFSR FS[4:0], with FS[4] in bit 10), the domain field
/// and the DFSR's WnR bit, as ARM ARM B4.1.52 lists them. A fault found at the first level of a walk
/// (a section or supersection) and one found at the second level (a page) have distinct values. The
/// long-descriptor format's values (the DFSR and IFSR with TTBCR.EAE set, B4.1.52 and B4.1.96) follow.
/// </summary>
public static class FaultStatus
{
    public const uint Alignment = 0x001;
    public const uint DebugEvent = 0x002;
    public const uint AccessFlagSection = 0x003;
    public const uint TranslationSection = 0x005;
    public const uint AccessFlagPage = 0x006;
    public const uint TranslationPage = 0x007;
    public const uint SynchronousExternal = 0x008;
    public const uint DomainSection = 0x009;
    public const uint DomainPage = 0x00B;
    public const uint WalkExternalFirstLevel = 0x00C;
    public const uint WalkExternalSecondLevel = 0x00E;
    public const uint PermissionSection = 0x00D;
    public const uint PermissionPage = 0x00F;
    public const uint WriteNotRead = 1u << 11;

    /// <summary>
    /// The long-descriptor format's marker (DFSR/IFSR.LPAE, bit 9): with TTBCR.EAE set, faults report
    /// STATUS[5:0], a fault type with the lookup level in its low two bits, and no domain.
    /// </summary>
    public const uint LongFormat = 1u << 9;
    public const uint LongTranslation = 0x04, LongAccessFlag = 0x08, LongPermission = 0x0C;
    public const uint LongSynchronousExternal = 0x10, LongWalkExternal = 0x14, LongAlignment = 0x21, LongDebugEvent = 0x22;

    /// <summary>A long-descriptor status: a fault type found at a lookup level (1 to 3).</summary>
    public static uint Long(uint type, int level) => LongFormat | type | (uint)level;

    /// <summary>
    /// The status as the FSR reports it under the current TTBCR.EAE: the faults that do not come from a
    /// walk (alignment, debug events, external aborts) are raised in the short format and change format
    /// here; a walk's faults already have the format of the tables that were walked.
    /// </summary>
    public static uint InFormat(uint status, bool longFormat)
    {
        if (!longFormat || (status & LongFormat) != 0) return status;
        uint extra = status & ~0x40Fu & ~(0xFu << 4);
        return (status & 0x40F) switch
        {
            Alignment => LongFormat | LongAlignment | extra,
            DebugEvent => LongFormat | LongDebugEvent | extra,
            SynchronousExternal => LongFormat | LongSynchronousExternal | extra,
            _ => status,
        };
    }

    /// <summary>A status with the domain the faulting translation named (DFSR/IFSR bits 7:4).</summary>
    public static uint WithDomain(uint status, int domain) => status | ((uint)domain << 4);

    /// <summary>The status for a fault found at the first level (a section) or the second (a page).</summary>
    public static uint AtLevel(int level, uint section, uint page) => level == 1 ? section : page;
}
