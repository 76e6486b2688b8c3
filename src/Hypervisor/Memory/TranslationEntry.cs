namespace Translator.Hypervisor.Memory;

/// <summary>What an access is for: permissions differ for each.</summary>
public enum AccessKind { Read, Write, Execute }

/// <summary>
/// One translation a walk found: the virtual block it covers (a 4 KB small page, a 64 KB large page, a
/// 1 MB section or a 16 MB supersection; with long descriptors a 4 KB page, a 2 MB or a 1 GB block;
/// <see cref="Span"/> = log2 of its size), where it leads, and the attributes the permission checks need.
/// <see cref="Level"/> is the lookup level that found it (short descriptors: 1 for sections and
/// supersections, 2 for pages): the fault status values differ by it.
/// </summary>
public readonly record struct TranslationEntry(
    uint PhysicalBase, int Span, int Level, byte Domain, byte AccessPermissions,
    bool ExecuteNever, bool PrivilegedExecuteNever, bool Global, bool BeyondFourGiB)
{
    /// <summary>
    /// From a long-descriptor walk: no domain applies, <see cref="AccessPermissions"/> holds AP[2:1] in bits
    /// 2:1 and the access flag in bit 0 (as the short descriptors' simplified model), and faults are reported
    /// in the long-descriptor format.
    /// </summary>
    public bool LongDescriptor { get; init; }

    /// <summary>Long descriptors: AttrIndx, which selects the memory attributes in MAIR0/MAIR1 (the PAR reports them).</summary>
    public byte AttributeIndex { get; init; }

    /// <summary>Long descriptors: SH[1:0], the shareability the PAR reports.</summary>
    public byte Shareability { get; init; }

    public uint PhysicalAddress(uint virtualAddress) => PhysicalBase | (virtualAddress & ((1u << Span) - 1));
}
