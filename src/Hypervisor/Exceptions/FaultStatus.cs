namespace Translator.Hypervisor.Exceptions;

/// <summary>
/// Short-descriptor fault status values (DFSR/IFSR FS[4:0], with FS[4] in bit 10), the domain field
/// and the DFSR's WnR bit, as ARM ARM B4.1.52 lists them. A fault found at the first level of a walk
/// (a section or supersection) and one found at the second level (a page) have distinct values.
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

    /// <summary>A status with the domain the faulting translation named (DFSR/IFSR bits 7:4).</summary>
    public static uint WithDomain(uint status, int domain) => status | ((uint)domain << 4);

    /// <summary>The status for a fault found at the first level (a section) or the second (a page).</summary>
    public static uint AtLevel(int level, uint section, uint page) => level == 1 ? section : page;
}
