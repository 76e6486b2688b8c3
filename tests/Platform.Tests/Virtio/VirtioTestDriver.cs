using System.Buffers.Binary;
using Translator.Hypervisor.Memory;
using Translator.Platform.Devices.Virtio;

namespace Translator.Platform.Tests.Virtio;

/// <summary>
/// Drives a virtio-mmio transport the way Linux's virtio_mmio and virtio_ring drivers do, with its
/// rings and buffers in a real <see cref="Ram"/>. Register offsets and bits are written out here from
/// the virtio 1.2 specification (4.2.2, 2.7), not taken from the implementation under test.
/// </summary>
internal sealed class VirtioTestDriver : IDisposable
{
    public const uint RamBase = 0x4000_0000, RamSize = 0x10_0000;
    public const uint MagicValue = 0x000, VersionRegister = 0x004, DeviceId = 0x008, VendorId = 0x00C, DeviceFeatures = 0x010,
        DeviceFeaturesSel = 0x014, DriverFeatures = 0x020, DriverFeaturesSel = 0x024, QueueSel = 0x030, QueueNumMax = 0x034,
        QueueNum = 0x038, QueueReady = 0x044, QueueNotify = 0x050, InterruptStatus = 0x060, InterruptAck = 0x064, Status = 0x070,
        QueueDescLow = 0x080, QueueDescHigh = 0x084, QueueDriverLow = 0x090, QueueDriverHigh = 0x094, QueueDeviceLow = 0x0A0,
        QueueDeviceHigh = 0x0A4, ConfigGeneration = 0x0FC, Config = 0x100;
    public const uint Acknowledge = 1, DriverBit = 2, DriverOk = 4, FeaturesOk = 8, NeedsReset = 64;
    public const ulong Version1 = 1UL << 32, IndirectDesc = 1UL << 28;
    public const ushort DescNext = 1, DescWrite = 2, DescIndirect = 4;
    /// <summary>Where queue 0's descriptor table, available ring and used ring live.</summary>
    public const uint DescTable = RamBase + 0x1000, AvailRing = RamBase + 0x2000, UsedRing = RamBase + 0x3000;
    private const uint HeapStart = RamBase + 0x1_0000;

    private uint _heap = HeapStart;
    private ushort _availIndex, _nextDescriptor;
    private int _queueSize;

    public VirtioTestDriver(VirtioDevice? device)
    {
        Ram = new Ram(RamBase, RamSize);
        Dma = new RamDma(Ram, (address, length) => Writes.Add((address, length)));
        Transport = new VirtioMmioTransport(device, Dma, level => Levels.Add(level));
    }

    public Ram Ram { get; }
    public RamDma Dma { get; }
    public VirtioMmioTransport Transport { get; }
    /// <summary>Every device write to guest memory the DMA adapter reported.</summary>
    public List<(uint Address, int Length)> Writes { get; } = [];
    /// <summary>Every level the interrupt line was driven to.</summary>
    public List<bool> Levels { get; } = [];
    public bool Line => Levels.Count > 0 && Levels[^1];
    public int QueueSize => _queueSize;

    public uint Read(uint offset) => Transport.Read(offset, 4);
    public void Write(uint offset, uint value) => Transport.Write(offset, 4, value);

    /// <summary>virtio_mmio probe, then virtio_dev_probe up to FEATURES_OK; true when the device kept FEATURES_OK.</summary>
    public bool Negotiate(ulong wanted)
    {
        Assert.That(Read(MagicValue), Is.EqualTo(0x74726976));
        Assert.That(Read(VersionRegister), Is.EqualTo(2));
        Write(Status, 0);
        Assert.That(Read(Status), Is.Zero);
        AddStatus(Acknowledge);
        AddStatus(DriverBit);
        Write(DeviceFeaturesSel, 1);
        ulong offered = (ulong)Read(DeviceFeatures) << 32;
        Write(DeviceFeaturesSel, 0);
        offered |= Read(DeviceFeatures);
        ulong accepted = offered & wanted;
        Write(DriverFeaturesSel, 1);
        Write(DriverFeatures, (uint)(accepted >> 32));
        Write(DriverFeaturesSel, 0);
        Write(DriverFeatures, (uint)accepted);
        AddStatus(FeaturesOk);
        return (Read(Status) & FeaturesOk) != 0;
    }

    /// <summary>vm_setup_vq for queue 0, with the rings at the fixed places above.</summary>
    public void SetUpQueue(int size)
    {
        Write(QueueSel, 0);
        Assert.That(Read(QueueReady), Is.Zero, "a queue is not ready before the driver sets it up");
        Assert.That(Read(QueueNumMax), Is.GreaterThanOrEqualTo((uint)size));
        _queueSize = size;
        _availIndex = _nextDescriptor = 0;
        Write(QueueNum, (uint)size);
        Write(QueueDescLow, DescTable);
        Write(QueueDescHigh, 0);
        Write(QueueDriverLow, AvailRing);
        Write(QueueDriverHigh, 0);
        Write(QueueDeviceLow, UsedRing);
        Write(QueueDeviceHigh, 0);
        Write(QueueReady, 1);
        Assert.That(Read(QueueReady), Is.EqualTo(1));
    }

    /// <summary>The whole bring-up of a one-queue device, ending with DRIVER_OK.</summary>
    public void Start(ulong wanted = Version1 | IndirectDesc, int queueSize = 16)
    {
        Assert.That(Negotiate(wanted), Is.True, "FEATURES_OK accepted");
        SetUpQueue(queueSize);
        AddStatus(DriverOk);
    }

    public void AddStatus(uint bits) => Write(Status, Read(Status) | bits);

    public uint Alloc(int length)
    {
        uint address = _heap;
        _heap = (uint)((_heap + length + 15) & ~15);
        return address;
    }

    public uint Place(ReadOnlySpan<byte> bytes)
    {
        uint address = Alloc(bytes.Length);
        bytes.CopyTo(Ram.Span(address, bytes.Length));
        return address;
    }

    public byte[] Peek(uint address, int length) => Ram.Span(address, length).ToArray();

    public void WriteDescriptor(uint table, int index, ulong address, uint length, ushort flags, ushort next)
    {
        var d = Ram.Span(table + 16 * (uint)index, 16);
        BinaryPrimitives.WriteUInt64LittleEndian(d, address);
        BinaryPrimitives.WriteUInt32LittleEndian(d[8..], length);
        BinaryPrimitives.WriteUInt16LittleEndian(d[12..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(d[14..], next);
    }

    /// <summary>Chains the buffers in free descriptors and makes the chain available (without notifying).</summary>
    public ushort Submit(params GuestBuffer[] buffers)
    {
        ushort head = _nextDescriptor;
        for (int k = 0; k < buffers.Length; k++)
        {
            ushort index = (ushort)((head + k) % _queueSize);
            ushort next = (ushort)((head + k + 1) % _queueSize);
            ushort flags = (ushort)((buffers[k].Writable ? DescWrite : 0) | (k + 1 < buffers.Length ? DescNext : 0));
            WriteDescriptor(DescTable, index, buffers[k].Address, buffers[k].Length, flags, next);
        }
        _nextDescriptor = (ushort)((head + buffers.Length) % _queueSize);
        MakeAvailable(head);
        return head;
    }

    /// <summary>Puts the buffers in an indirect table that one descriptor points to, as virtqueue_add_split does.</summary>
    public ushort SubmitIndirect(params GuestBuffer[] buffers)
    {
        uint table = Alloc(16 * buffers.Length);
        for (int k = 0; k < buffers.Length; k++)
        {
            ushort flags = (ushort)((buffers[k].Writable ? DescWrite : 0) | (k + 1 < buffers.Length ? DescNext : 0));
            WriteDescriptor(table, k, buffers[k].Address, buffers[k].Length, flags, (ushort)(k + 1));
        }
        ushort head = _nextDescriptor;
        WriteDescriptor(DescTable, head, table, 16 * (uint)buffers.Length, DescIndirect, 0);
        _nextDescriptor = (ushort)((head + 1) % _queueSize);
        MakeAvailable(head);
        return head;
    }

    public void MakeAvailable(ushort head)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Ram.Span(AvailRing + 4 + 2 * (uint)(_availIndex % _queueSize), 2), head);
        _availIndex++;
        BinaryPrimitives.WriteUInt16LittleEndian(Ram.Span(AvailRing + 2, 2), _availIndex);
    }

    public void SetAvailFlags(ushort flags) => BinaryPrimitives.WriteUInt16LittleEndian(Ram.Span(AvailRing, 2), flags);

    public void Notify() => Write(QueueNotify, 0);

    public ushort UsedIndex => BinaryPrimitives.ReadUInt16LittleEndian(Ram.Span(UsedRing + 2, 2));

    public (uint Id, uint Length) Used(int slot)
    {
        var e = Ram.Span(UsedRing + 4 + 8 * (uint)(slot % _queueSize), 8);
        return (BinaryPrimitives.ReadUInt32LittleEndian(e), BinaryPrimitives.ReadUInt32LittleEndian(e[4..]));
    }

    /// <summary>vm_interrupt: read InterruptStatus, acknowledge what was read.</summary>
    public uint HandleInterrupt()
    {
        uint status = Read(InterruptStatus);
        Write(InterruptAck, status);
        return status;
    }

    public void Dispose()
    {
        Transport.Device?.Dispose();
        Ram.Dispose();
    }
}
