using Translator.Hypervisor.Memory;

namespace Translator.Platform.Loaders;

/// <summary>
/// Boot from firmware (--bios), as QEMU's virt board does it: the image is the first flash bank's
/// contents (the board puts it there), the processor starts at its first byte, address 0, and the
/// device tree waits at the start of RAM, where U-Boot's qemu-arm board looks for it.
/// </summary>
public static class FirmwareLoader
{
    public static BootLayout Load(byte[] dtb, Ram ram)
    {
        if ((uint)dtb.Length > ram.Size) throw new ImageFormatException($"the device tree ({dtb.Length} bytes) does not fit in RAM");
        dtb.CopyTo(ram.Span(ram.Base, dtb.Length));
        return new BootLayout(Entry: 0, DtbAddress: ram.Base, LinuxRegisters: false, ImageEnd: ram.Base + (uint)dtb.Length, Initrd: null);
    }
}
