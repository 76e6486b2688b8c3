using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices.Virtio;

/// <summary>DMA straight into the board's RAM; <paramref name="written"/> hears of every device write.</summary>
public sealed class RamDma(Ram ram, Action<uint, int>? written = null) : IDmaMemory
{
    public bool TryGetSpan(uint physicalAddress, int length, out Span<byte> span)
    {
        if (length < 0 || !ram.Contains(physicalAddress, (uint)length))
        {
            span = default;
            return false;
        }
        span = ram.Span(physicalAddress, length);
        return true;
    }

    public void Written(uint physicalAddress, int length) => written?.Invoke(physicalAddress, length);
}
