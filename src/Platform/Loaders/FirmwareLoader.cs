using Translator.Hypervisor.Memory;

namespace Translator.Platform.Loaders;

/// <summary>
/// Boot from firmware (--bios), as QEMU's virt board does it: the image is the first flash bank's
/// contents (the board puts it there), the processor starts at its first byte, address 0, and the
/// device tree waits at the start of RAM, where U-Boot's qemu-arm board looks for it.
/// </summary>
public static class FirmwareLoader
{
    /// <summary>The flash bank the firmware goes in (QEMU's virt: 64 MiB at address 0).</summary>
    public const uint FlashBankSize = 64u << 20;

    /// <summary>Reads a firmware image, which must be something and fit the flash bank.</summary>
    public static byte[] Read(string path)
    {
        byte[] data = KernelImage.ReadFile(path);
        if (data.Length == 0) throw new ImageFormatException("the firmware image is empty");
        if ((uint)data.Length > FlashBankSize) throw new ImageFormatException($"the firmware image ({data.Length} bytes) does not fit in the {FlashBankSize >> 20} MiB flash bank");
        if (KernelImage.OtherFormat(data) is { } other && !other.StartsWith("an empty", StringComparison.Ordinal))
            throw new ImageFormatException($"not a firmware image: this is {other}");
        return data;
    }

    public static BootLayout Load(byte[] dtb, Ram ram)
    {
        if ((uint)dtb.Length > ram.Size) throw new ImageFormatException($"the device tree ({dtb.Length} bytes) does not fit in RAM");
        dtb.CopyTo(ram.Span(ram.Base, dtb.Length));
        return new BootLayout(Entry: 0, DtbAddress: ram.Base, LinuxRegisters: false, ImageEnd: ram.Base + (uint)dtb.Length, Initrd: null);
    }
}
