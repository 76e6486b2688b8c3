using System.Buffers.Binary;

namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// A split virtqueue (virtio 1.2, 2.7): the descriptor table, the driver area (available ring) and
/// the device area (used ring) in guest memory. Everything read from the guest is checked before it
/// is used: an index beyond the ring, a chain longer than its table (a loop), a buffer outside RAM or
/// a nested indirect table throws <see cref="VirtioProtocolException"/>. EVENT_IDX is not offered,
/// so the driver is notified after every batch unless it set VIRTQ_AVAIL_F_NO_INTERRUPT.
/// </summary>
public sealed class VirtQueue
{
    private const ushort DescriptorNext = 1, DescriptorWrite = 2, DescriptorIndirect = 4;
    private const ushort AvailNoInterrupt = 1;
    private const int DescriptorSize = 16, UsedElementSize = 8;

    private readonly IDmaMemory _memory;
    private ushort _lastAvail;
    private ushort _usedIndex;
    private bool _pushed;

    public VirtQueue(int index, int maxSize, IDmaMemory memory)
    {
        if (maxSize is < 1 or > 32768) throw new ArgumentOutOfRangeException(nameof(maxSize), "a virtqueue holds 1 to 32768 entries");
        Index = index;
        MaxSize = maxSize;
        _memory = memory;
        Reset();
    }

    public int Index { get; }
    public int MaxSize { get; }
    /// <summary>QueueNum: the ring's size the driver chose.</summary>
    public int Size { get; internal set; }
    public bool Ready { get; internal set; }
    public ulong DescriptorTable { get; internal set; }
    public ulong DriverArea { get; internal set; }
    public ulong DeviceArea { get; internal set; }
    internal bool IndirectAllowed { get; set; }

    internal void Reset()
    {
        // QEMU resets the size to its default (the maximum); Linux writes QueueNum anyway.
        Size = MaxSize;
        Ready = false;
        DescriptorTable = DriverArea = DeviceArea = 0;
        IndirectAllowed = false;
        _lastAvail = _usedIndex = 0;
        _pushed = false;
    }

    /// <summary>Takes the next chain the driver made available, or returns false when there is none.</summary>
    public bool TryPop(out DescriptorChain chain)
    {
        chain = null!;
        if (!Ready) return false;
        ushort availIndex = ReadUInt16(DriverArea + 2);
        int pending = (ushort)(availIndex - _lastAvail);
        if (pending == 0) return false;
        if (pending > Size) throw new VirtioProtocolException($"queue {Index}: the available index moved from {_lastAvail} to {availIndex}, past the ring's {Size} entries");
        ushort head = ReadUInt16(DriverArea + 4 + 2 * (ulong)(_lastAvail % Size));
        chain = Walk(head);
        _lastAvail++;
        return true;
    }

    /// <summary>Returns a chain to the driver through the used ring, with the number of bytes the device wrote.</summary>
    public void Push(DescriptorChain chain, uint writtenLength)
    {
        ulong element = DeviceArea + 4 + UsedElementSize * (ulong)(_usedIndex % Size);
        var bytes = Bytes(element, UsedElementSize);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, chain.Head);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], writtenLength);
        _memory.Written((uint)element, UsedElementSize);
        // The element must be in place before the index that publishes it; on this one thread program order is enough.
        _usedIndex++;
        BinaryPrimitives.WriteUInt16LittleEndian(Bytes(DeviceArea + 2, 2), _usedIndex);
        _memory.Written((uint)DeviceArea + 2, 2);
        _pushed = true;
    }

    /// <summary>Whether used buffers were returned since the last call and the driver wants to hear of it.</summary>
    internal bool TakeInterrupt()
    {
        if (!_pushed) return false;
        _pushed = false;
        return (ReadUInt16(DriverArea) & AvailNoInterrupt) == 0;
    }

    private DescriptorChain Walk(ushort head)
    {
        if (head >= Size) throw new VirtioProtocolException($"queue {Index}: head descriptor {head} is beyond the ring's {Size} entries");
        var chain = new DescriptorChain(head, _memory);
        ulong table = DescriptorTable;
        int tableSize = Size;
        bool indirect = false;
        int index = head, visited = 0;
        while (true)
        {
            if (index >= tableSize) throw new VirtioProtocolException($"queue {Index}: chain {head} reaches descriptor {index} of a table of {tableSize}");
            // A chain cannot hold more descriptors than its table: one that does loops.
            if (++visited > tableSize) throw new VirtioProtocolException($"queue {Index}: chain {head} loops");
            var d = Bytes(table + DescriptorSize * (ulong)index, DescriptorSize);
            ulong address = BinaryPrimitives.ReadUInt64LittleEndian(d);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(d[8..]);
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(d[12..]);
            ushort next = BinaryPrimitives.ReadUInt16LittleEndian(d[14..]);
            if ((flags & DescriptorIndirect) != 0)
            {
                if (!IndirectAllowed) throw new VirtioProtocolException($"queue {Index}: indirect descriptor without VIRTIO_F_RING_INDIRECT_DESC");
                if (indirect) throw new VirtioProtocolException($"queue {Index}: indirect descriptor inside an indirect table");
                if (visited != 1 || (flags & DescriptorNext) != 0) throw new VirtioProtocolException($"queue {Index}: an indirect descriptor must be a chain's only one");
                if (length == 0 || length % DescriptorSize != 0) throw new VirtioProtocolException($"queue {Index}: indirect table of {length} bytes");
                CheckInRam(address, length);
                table = address;
                tableSize = (int)(length / DescriptorSize);
                indirect = true;
                index = 0;
                visited = 0;
                continue;
            }
            // QEMU refuses empty buffers too: no driver needs them, and they would make a chain of nothing.
            if (length == 0) throw new VirtioProtocolException($"queue {Index}: chain {head} has an empty buffer");
            CheckInRam(address, length);
            chain.Add(new DmaSegment((uint)address, (int)length), (flags & DescriptorWrite) != 0);
            if ((flags & DescriptorNext) == 0) return chain;
            index = next;
        }
    }

    private void CheckInRam(ulong address, uint length)
    {
        if (address > uint.MaxValue || length > int.MaxValue || !_memory.TryGetSpan((uint)address, (int)length, out _))
            throw new VirtioProtocolException($"queue {Index}: buffer 0x{address:x}+0x{length:x} is outside RAM");
    }

    private ushort ReadUInt16(ulong address) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(address, 2));

    private Span<byte> Bytes(ulong address, int length)
    {
        if (address > uint.MaxValue || !_memory.TryGetSpan((uint)address, length, out var span))
            throw new VirtioProtocolException($"queue {Index}: ring bytes 0x{address:x}+0x{length:x} are outside RAM");
        return span;
    }
}
