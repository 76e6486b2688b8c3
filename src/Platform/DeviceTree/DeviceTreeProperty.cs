namespace Translator.Platform.DeviceTree;

/// <summary>A property of a device tree node: its name and its value as the blob stores it (big-endian cells, NUL-terminated strings).</summary>
public sealed record DeviceTreeProperty(string Name, byte[] Value);
