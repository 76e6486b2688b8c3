namespace Translator.Hypervisor.Memory;

/// <summary>
/// A device whose window reads as plain memory while it is in one of its modes: a flash bank in read-array
/// mode (QEMU's "romd" mode). Instructions are fetched, and translated, straight from that view; a write to
/// the window (a flash command, which may leave the mode or change the contents) drops every block
/// translated from the device, so the next fetch sees what the device shows then. Data reads keep going
/// through <see cref="IMmioDevice.Read"/>, which gives the same bytes.
/// </summary>
public interface IRomDevice : IMmioDevice
{
    /// <summary>
    /// The window's contents from its first byte, while reads return exactly them without side effects;
    /// false while the device answers reads otherwise (a flash bank reporting status or query data),
    /// when nothing can be fetched from it.
    /// </summary>
    bool TryGetReadOnlyView(out ReadOnlySpan<byte> contents);
}
