namespace Translator.Hypervisor.Memory;

/// <summary>What an access is for: permissions differ for each.</summary>
public enum AccessKind { Read, Write, Execute }

/// <summary>
/// One translation a short-descriptor walk found: the virtual block it covers (a 4 KB small page, a
/// 64 KB large page, a 1 MB section or a 16 MB supersection, <see cref="Span"/> = log2 of its size),
/// where it leads, and the attributes the permission checks need. <see cref="Level"/> is 1 for
/// sections and supersections, 2 for pages: the fault status values differ by it.
/// </summary>
public readonly record struct TranslationEntry(
    uint PhysicalBase, int Span, int Level, byte Domain, byte AccessPermissions,
    bool ExecuteNever, bool PrivilegedExecuteNever, bool Global, bool BeyondFourGiB)
{
    public uint PhysicalAddress(uint virtualAddress) => PhysicalBase | (virtualAddress & ((1u << Span) - 1));
}
