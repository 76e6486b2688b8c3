namespace Translator.Oracles;

/// <summary>qemu-system-arm starting firmware from flash (-bios), such as Debian's U-Boot, as the oracle of its console dialogue.</summary>
public static class QemuFirmware
{
    /// <summary>
    /// Boots <paramref name="bios"/> on the virt board (the Cortex-A15 without Advanced SIMD that Translator
    /// models, 256 MB, no network, a virtio-rng device as Translator's board has) with <paramref name="dtb"/>
    /// when given (else QEMU's own device tree), plays <paramref name="dialogue"/> on the console, and waits
    /// for the guest to power off; a reset ends the run too (-no-reboot).
    /// </summary>
    public static Qemu.Result Boot(string bios, string? dtb, IReadOnlyList<QemuLinux.Step> dialogue, TimeSpan timeout)
    {
        string[] arguments = ["-nic", "none", "-device", "virtio-rng-device", "-bios", bios];
        if (dtb is not null) arguments = [.. arguments, "-dtb", dtb];
        return QemuLinux.Converse(arguments, dialogue, timeout);
    }
}
