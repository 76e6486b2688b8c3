namespace Translator.Platform.Provisioning;

/// <summary>
/// A bootable guest: a zImage kernel (left compressed: its own decompressor runs as guest code), a
/// gzip-compressed initramfs, and the kernel command line it boots with.
/// </summary>
/// <param name="KernelRelease">The kernel's release string, as `uname -r` prints it (for example 6.1.0-50-armmp).</param>
/// <param name="Description">One line naming the packages the guest was built from, with their versions.</param>
/// <param name="Modules">The kernel modules in the initramfs, in the order /init loads them (paths under lib/modules/&lt;release&gt;/).</param>
public sealed record GuestImage(
    string KernelPath,
    string InitrdPath,
    string CommandLine,
    string KernelRelease,
    string Description,
    IReadOnlyList<string> Modules);
