namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// A virtio device apart from its transport: what it is, what it offers, its configuration space,
/// and what it does with a queue's requests. The transport owns the queues and the negotiation; a
/// device only sees the feature bits the driver accepted.
/// </summary>
public abstract class VirtioDevice : IDisposable
{
    /// <summary>The virtio device ID (virtio 1.2, 5): 2 block, 4 entropy.</summary>
    public abstract uint DeviceId { get; }

    /// <summary>The device-specific feature bits offered; the transport adds its own (VERSION_1, INDIRECT_DESC).</summary>
    public abstract ulong Features { get; }

    public abstract int QueueCount { get; }

    /// <summary>QueueNumMax of every queue.</summary>
    public virtual int QueueMaxSize => 256;

    /// <summary>The bytes of configuration space; reads beyond it see all ones, as QEMU's do.</summary>
    public virtual int ConfigSize => 0;

    /// <summary>The feature bits the driver accepted (set when it sets FEATURES_OK, cleared by reset).</summary>
    public ulong NegotiatedFeatures { get; internal set; }

    /// <summary>One byte of configuration space (little-endian fields); <paramref name="offset"/> is below <see cref="ConfigSize"/>.</summary>
    public virtual byte ReadConfig(int offset) => 0;

    public virtual void WriteConfig(int offset, byte value) { }

    /// <summary>
    /// Serves every request available on <paramref name="queue"/>, on the thread that wrote QueueNotify.
    /// A malformed request throws <see cref="VirtioProtocolException"/>.
    /// </summary>
    public abstract void Process(VirtQueue queue);

    /// <summary>The driver reset the device (Status written 0): forget any per-session state.</summary>
    public virtual void Reset() => NegotiatedFeatures = 0;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}
