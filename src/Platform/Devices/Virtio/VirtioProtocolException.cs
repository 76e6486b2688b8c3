namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// The driver broke the virtio protocol (a malformed ring, chain or request). The transport answers
/// by setting DEVICE_NEEDS_RESET and raising a configuration-change interrupt, never by failing the run.
/// </summary>
public sealed class VirtioProtocolException(string message) : Exception(message);
