namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// One request taken from a virtqueue: the driver's buffers in order, device-readable ones first,
/// then device-writable ones (the split ring's rule). Every segment was checked to lie in RAM when
/// the chain was walked, so a device handles bytes, not guest addresses. A device must not rely on
/// how the driver cut the request into descriptors (virtio 1.2, 2.7.4), hence the offset-based views.
/// </summary>
public sealed class DescriptorChain
{
    private readonly IDmaMemory _memory;
    private readonly List<DmaSegment> _readable = [];
    private readonly List<DmaSegment> _writable = [];

    internal DescriptorChain(ushort head, IDmaMemory memory)
    {
        Head = head;
        _memory = memory;
    }

    /// <summary>The index of the chain's first descriptor: its id in the used ring.</summary>
    public ushort Head { get; }
    public IReadOnlyList<DmaSegment> Readable => _readable;
    public IReadOnlyList<DmaSegment> Writable => _writable;
    public long ReadableLength { get; private set; }
    public long WritableLength { get; private set; }

    internal void Add(DmaSegment segment, bool deviceWritable)
    {
        if (deviceWritable)
        {
            _writable.Add(segment);
            WritableLength += segment.Length;
        }
        else
        {
            if (_writable.Count > 0) throw new VirtioProtocolException($"chain {Head}: a device-readable descriptor follows a device-writable one");
            _readable.Add(segment);
            ReadableLength += segment.Length;
        }
    }

    /// <summary>The pieces of the readable bytes [offset, offset + length), in order.</summary>
    public IEnumerable<DmaSegment> ReadableRange(long offset, long length) => Slice(_readable, offset, length);

    /// <summary>The pieces of the writable bytes [offset, offset + length), in order.</summary>
    public IEnumerable<DmaSegment> WritableRange(long offset, long length) => Slice(_writable, offset, length);

    /// <summary>The host bytes of a segment of this chain.</summary>
    public Span<byte> Bytes(DmaSegment segment) =>
        _memory.TryGetSpan(segment.Address, segment.Length, out var span)
            ? span
            : throw new InvalidOperationException($"segment 0x{segment.Address:x}+0x{segment.Length:x} left RAM after it was checked");

    /// <summary>Reports a device write into a segment of this chain (see <see cref="IDmaMemory.Written"/>).</summary>
    public void Written(DmaSegment segment) => _memory.Written(segment.Address, segment.Length);

    /// <summary>Copies readable bytes from <paramref name="offset"/> on; returns how many there were.</summary>
    public int CopyFrom(long offset, Span<byte> destination)
    {
        int done = 0;
        foreach (var piece in ReadableRange(offset, destination.Length))
        {
            Bytes(piece).CopyTo(destination[done..]);
            done += piece.Length;
        }
        return done;
    }

    /// <summary>Copies into the writable bytes from <paramref name="offset"/> on; returns how many fitted.</summary>
    public int CopyTo(long offset, ReadOnlySpan<byte> source)
    {
        int done = 0;
        foreach (var piece in WritableRange(offset, source.Length))
        {
            source.Slice(done, piece.Length).CopyTo(Bytes(piece));
            Written(piece);
            done += piece.Length;
        }
        return done;
    }

    private static IEnumerable<DmaSegment> Slice(List<DmaSegment> segments, long offset, long length)
    {
        foreach (var s in segments)
        {
            if (length <= 0) yield break;
            if (offset >= s.Length)
            {
                offset -= s.Length;
                continue;
            }
            int take = (int)Math.Min(s.Length - offset, length);
            yield return new DmaSegment(s.Address + (uint)offset, take);
            length -= take;
            offset = 0;
        }
    }
}
