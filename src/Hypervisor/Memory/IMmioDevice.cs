namespace Translator.Hypervisor.Memory;

/// <summary>A device's register window on the physical bus.</summary>
public interface IMmioDevice
{
    string Name { get; }

    /// <summary>Reads a register; an offset the device does not have throws <see cref="MmioException"/>.</summary>
    uint Read(uint offset, int size);

    void Write(uint offset, int size, uint value);
}

/// <summary>An access to a device register that does not exist, or of a width the register does not allow.</summary>
public sealed class MmioException(string message) : Exception(message);
