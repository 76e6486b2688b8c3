using Translator.Hypervisor.Memory;

namespace Translator.Platform.Loaders;

/// <summary>Copies an ELF program's loadable segments into guest RAM at their physical addresses.</summary>
public static class ElfLoader
{
    /// <returns>The entry point (bit 0 set for a Thumb entry).</returns>
    public static uint Load(ElfImage elf, PhysicalMap map)
    {
        if (elf.Type != 2) throw new ImageFormatException($"ELF type {elf.Type} is not an executable (ET_EXEC)");
        var loads = elf.Segments.Where(s => s.Type == ElfImage.SegmentTypeLoad && s.MemorySize > 0).ToArray();
        if (loads.Length == 0) throw new ImageFormatException("no loadable segment");
        foreach (var seg in loads)
        {
            var ram = map.RamAt(seg.PhysicalAddress);
            if (ram is null || !ram.Contains(seg.PhysicalAddress, seg.MemorySize))
                throw new ImageFormatException(
                    $"segment at 0x{seg.PhysicalAddress:x8} (0x{seg.MemorySize:x} bytes) is outside RAM ({Describe(map)})");
            var dest = ram.Span(seg.PhysicalAddress, (int)seg.MemorySize);
            elf.Data.AsSpan((int)seg.Offset, (int)seg.FileSize).CopyTo(dest);
            dest[(int)seg.FileSize..].Clear();
        }
        return elf.Entry;
    }

    private static string Describe(PhysicalMap map) =>
        string.Join(", ", map.RamRegions.Select(r => $"0x{r.Base:x8}-0x{(ulong)r.Base + r.Size - 1:x8}"));
}
