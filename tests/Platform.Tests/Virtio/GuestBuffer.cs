namespace Translator.Platform.Tests.Virtio;

/// <summary>One buffer a test driver hands to a device: guest address, length, and whether the device writes it.</summary>
internal readonly record struct GuestBuffer(uint Address, uint Length, bool Writable);
