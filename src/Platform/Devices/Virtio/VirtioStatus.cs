namespace Translator.Platform.Devices.Virtio;

/// <summary>The device status bits (virtio 1.2, 2.1).</summary>
public static class VirtioStatus
{
    public const uint Acknowledge = 1, Driver = 2, DriverOk = 4, FeaturesOk = 8, DeviceNeedsReset = 64, Failed = 128;
}
