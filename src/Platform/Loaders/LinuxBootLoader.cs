using Translator.Hypervisor.Memory;

namespace Translator.Platform.Loaders;

/// <summary>Where the loader put things and how the processor starts.</summary>
/// <param name="Entry">The first instruction (bit 0 set for a Thumb entry).</param>
/// <param name="LinuxRegisters">Whether r0-r2 carry the Linux boot protocol's values (0, ~0, the DTB's address).</param>
/// <param name="ImageEnd">The first byte after the kernel image in RAM.</param>
public sealed record BootLayout(uint Entry, uint DtbAddress, bool LinuxRegisters, uint ImageEnd, (uint Start, uint End)? Initrd);

/// <summary>
/// The Linux ARM boot protocol (Documentation/arch/arm/booting.rst), laid out as QEMU's arm boot code
/// lays it out so that the same images boot alike on both: a zImage or Image at RAM + 0x8000, the
/// initrd at RAM + min(RAM/2, 128 MiB) or just after the kernel when the kernel reaches further, the
/// DTB at the next 4 KiB boundary after the initrd; r0 = 0, r1 = ~0 (no machine number: the DTB
/// describes the board), r2 = the DTB's address. An ELF program is loaded at its segments' physical
/// addresses and entered at its entry point with the DTB at the start of RAM when nothing was loaded
/// there, as QEMU does.
/// </summary>
public static class LinuxBootLoader
{
    public const uint KernelOffset = 0x8000;
    private const uint InitrdOffsetLimit = 128u << 20;
    private const uint DtbAlignment = 4096;

    /// <param name="deviceTree">Builds the DTB once the initrd's place is known (its /chosen node names it).</param>
    public static BootLayout Load(KernelImage kernel, (string Path, byte[] Data)? initrdFile, Func<(uint Start, uint End)?, byte[]> deviceTree, PhysicalMap map, Ram ram)
    {
        uint entry, imageStart, imageEnd;
        bool linux = kernel.Format != KernelFormat.Elf;
        if (kernel.Elf is { } elf)
        {
            entry = ElfLoader.Load(elf, map);
            var loads = elf.Segments.Where(s => s.Type == ElfImage.SegmentTypeLoad && s.MemorySize > 0).ToArray();
            imageStart = loads.Min(s => s.PhysicalAddress);
            imageEnd = loads.Max(s => s.PhysicalAddress + s.MemorySize);
        }
        else
        {
            imageStart = ram.Base + KernelOffset;
            if ((ulong)KernelOffset + (ulong)kernel.Data.Length > ram.Size)
                throw new ImageFormatException($"the kernel ({kernel.Data.Length} bytes) does not fit in {ram.Size >> 20} MiB of RAM");
            kernel.Data.CopyTo(ram.Span(imageStart, kernel.Data.Length));
            imageEnd = imageStart + (uint)kernel.Data.Length;
            entry = imageStart;
        }

        (uint Start, uint End)? initrdRange = null;
        uint next = Math.Max(ram.Base + Math.Min(ram.Size / 2, InitrdOffsetLimit), imageEnd);
        if (initrdFile is { } file)
        {
            var (initrdPath, initrd) = file;
            if ((ulong)next + (ulong)initrd.Length > (ulong)ram.Base + ram.Size)
                throw new ImageFormatException($"the initrd ({initrd.Length} bytes) does not fit in RAM after the kernel (at 0x{next:x8}, RAM ends at 0x{(ulong)ram.Base + ram.Size:x8}); give more memory with -m", initrdPath);
            initrd.CopyTo(ram.Span(next, initrd.Length));
            initrdRange = (next, next + (uint)initrd.Length);
            next += (uint)initrd.Length;
        }

        byte[] dtb = deviceTree(initrdRange);
        uint dtbAddress = (uint)(((ulong)next + DtbAlignment - 1) & ~(ulong)(DtbAlignment - 1));
        // QEMU gives an ELF program the DTB at the start of RAM when the program left that free.
        if (!linux && initrdFile is null && (imageStart >= ram.Base + (uint)dtb.Length || imageEnd <= ram.Base)) dtbAddress = ram.Base;
        if ((ulong)dtbAddress + (ulong)dtb.Length > (ulong)ram.Base + ram.Size)
            throw new ImageFormatException($"no room in RAM for the device tree ({dtb.Length} bytes) after the kernel and initrd; give more memory with -m");
        dtb.CopyTo(ram.Span(dtbAddress, dtb.Length));
        return new BootLayout(entry, dtbAddress, linux, imageEnd, initrdRange);
    }
}
