namespace Translator.Platform.Devices.Virtio;

/// <summary>One guest buffer (or part of one) of a descriptor chain, already checked to lie in RAM.</summary>
public readonly record struct DmaSegment(uint Address, int Length);
