namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// Guest physical memory as a virtio device reaches it for DMA. Devices never see host pointers or
/// the RAM object itself, so a board can route device writes through code invalidation.
/// </summary>
public interface IDmaMemory
{
    /// <summary>The host bytes behind [address, address + length); false when any of them is not RAM.</summary>
    bool TryGetSpan(uint physicalAddress, int length, out Span<byte> span);

    /// <summary>
    /// Must follow every device write to guest memory: the guest may later execute what a disk read
    /// brought in, and translated code from those bytes has to be dropped.
    /// </summary>
    void Written(uint physicalAddress, int length);
}
