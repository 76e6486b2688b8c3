namespace Translator.Platform.Devices.Virtio;

/// <summary>The virt board's row of virtio-mmio transports.</summary>
public static class VirtioBus
{
    /// <summary>
    /// Makes <paramref name="count"/> transports (transport n at the n-th window, interrupt SPI 16 + n on
    /// virt), the first device in the last transport, the second in the one before, and so on. QEMU's virt
    /// creates transports in increasing address order but each new bus goes to the front of the bus list,
    /// and a device takes the first free bus of that list: so its devices fill the highest addresses first.
    /// </summary>
    /// <param name="interruptFor">The interrupt line of transport n.</param>
    public static VirtioMmioTransport[] Create(int count, IReadOnlyList<VirtioDevice> devices, IDmaMemory memory, Func<int, Action<bool>> interruptFor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (devices.Count > count) throw new ArgumentException($"{devices.Count} virtio devices do not fit in {count} transports", nameof(devices));
        var transports = new VirtioMmioTransport[count];
        for (int n = 0; n < count; n++)
        {
            int device = count - 1 - n;
            transports[n] = new VirtioMmioTransport(device < devices.Count ? devices[device] : null, memory, interruptFor(n));
        }
        return transports;
    }
}
