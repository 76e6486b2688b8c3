namespace Translator.Platform.DeviceTree;

/// <summary>A memory reservation block entry: physical memory the OS must leave alone (firmware, a spin table).</summary>
public readonly record struct MemoryReservation(ulong Address, ulong Size);

/// <summary>
/// A whole flattened device tree: the node tree and the blob's other content, kept so that a DTB a
/// user gives (--dtb) loses none of it when /chosen is rewritten and the blob written again.
/// </summary>
public sealed class FlattenedDeviceTree(DeviceTreeNode root)
{
    public DeviceTreeNode Root { get; } = root;
    public List<MemoryReservation> Reservations { get; } = [];
    /// <summary>The physical id of the processor that boots (the header's boot_cpuid_phys).</summary>
    public uint BootCpuId { get; set; }
}
