using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices.Virtio;

/// <summary>
/// A virtio-mmio transport, version 2 (virtio 1.2, 4.2.2), with or without a device behind it. An
/// empty transport answers the magic value, version and vendor and reads zero elsewhere, as QEMU's
/// do: Linux then finds device ID 0 and leaves it alone. Registers take 32-bit accesses only; the
/// configuration space from 0x100 takes 8, 16 and 32 bits. Requests are served synchronously on the
/// QueueNotify write. The interrupt output is a level, high while InterruptStatus is not zero.
/// </summary>
public sealed class VirtioMmioTransport : IMmioDevice
{
    public const uint WindowSize = 0x200;
    public const uint Magic = 0x7472_6976, Vendor = 0x554D_4551;
    public const uint InterruptUsedBuffer = 1, InterruptConfigChange = 2;
    private const uint TransportVersion = 2;
    private const uint MagicValue = 0x000, Version = 0x004, DeviceIdRegister = 0x008, VendorId = 0x00C,
        DeviceFeatures = 0x010, DeviceFeaturesSel = 0x014, DriverFeatures = 0x020, DriverFeaturesSel = 0x024,
        QueueSel = 0x030, QueueNumMax = 0x034, QueueNum = 0x038, QueueReady = 0x044, QueueNotify = 0x050,
        InterruptStatus = 0x060, InterruptAck = 0x064, Status = 0x070,
        QueueDescLow = 0x080, QueueDescHigh = 0x084, QueueDriverLow = 0x090, QueueDriverHigh = 0x094,
        QueueDeviceLow = 0x0A0, QueueDeviceHigh = 0x0A4, ShmSel = 0x0AC, ShmLenLow = 0x0B0, ShmBaseHigh = 0x0BC,
        ConfigGeneration = 0x0FC, Config = 0x100;
    private const ulong TransportFeatures = VirtioFeatures.Version1 | VirtioFeatures.RingIndirectDescriptors;

    private readonly VirtioDevice? _device;
    private readonly VirtQueue[] _queues;
    private readonly Action<bool> _interrupt;
    private bool _line;
    private uint _deviceFeaturesSel, _driverFeaturesSel, _queueSel, _status, _interruptStatus;
    private ulong _driverFeatures;
    private bool _broken;

    /// <param name="device">The device behind the transport, or null for an empty one.</param>
    /// <param name="interrupt">The interrupt line, called with each new level.</param>
    public VirtioMmioTransport(VirtioDevice? device, IDmaMemory memory, Action<bool> interrupt)
    {
        _device = device;
        _interrupt = interrupt;
        _queues = device is null ? [] : [.. Enumerable.Range(0, device.QueueCount).Select(i => new VirtQueue(i, device.QueueMaxSize, memory))];
    }

    public string Name => _device is null ? "virtio-mmio" : $"virtio-mmio ({_device.GetType().Name})";
    public VirtioDevice? Device => _device;
    public uint DeviceStatus => _status;
    public bool InterruptLevel => _line;
    /// <summary>Why the device last set DEVICE_NEEDS_RESET, for the run's diagnostics.</summary>
    public string? LastError { get; private set; }

    public uint Read(uint offset, int size)
    {
        if (offset >= Config) return ReadConfig(offset - Config, size);
        CheckRegisterAccess(offset, size);
        switch (offset)
        {
            case MagicValue: return Magic;
            case Version: return TransportVersion;
            case VendorId: return Vendor;
        }
        if (_device is null) return IsRegister(offset) ? 0u : throw NoRegister(offset);
        var queue = SelectedQueue;
        return offset switch
        {
            DeviceIdRegister => _device.DeviceId,
            DeviceFeatures => _deviceFeaturesSel < 2 ? (uint)(OfferedFeatures >> (32 * (int)_deviceFeaturesSel)) : 0,
            QueueNumMax => queue is null ? 0 : (uint)queue.MaxSize,
            QueueReady => queue is { Ready: true } ? 1u : 0,
            InterruptStatus => _interruptStatus,
            Status => _status,
            // No shared memory regions: QEMU answers their lengths with all ones, which Linux takes as absent.
            >= ShmLenLow and <= ShmBaseHigh => uint.MaxValue,
            ConfigGeneration => 0,
            // Write-only registers read as zero, as QEMU's do (it logs a guest error).
            _ => IsRegister(offset) ? 0u : throw NoRegister(offset),
        };
    }

    public void Write(uint offset, int size, uint value)
    {
        if (offset >= Config)
        {
            WriteConfig(offset - Config, size, value);
            return;
        }
        CheckRegisterAccess(offset, size);
        if (!IsRegister(offset)) throw NoRegister(offset);
        if (_device is null) return;
        // A ready queue's size and addresses stay as they were (the driver must not change them, and the
        // ring arithmetic relies on them), so such writes go nowhere, like those to a queue that does not exist.
        var idle = SelectedQueue is { Ready: false } q ? q : null;
        switch (offset)
        {
            case DeviceFeaturesSel: _deviceFeaturesSel = value; break;
            case DriverFeatures: SetDriverFeatures(value); break;
            case DriverFeaturesSel: _driverFeaturesSel = value; break;
            case QueueSel: _queueSel = value; break;
            case QueueNum when idle is not null: idle.Size = (int)Math.Min(value, int.MaxValue); break;
            case QueueReady when SelectedQueue is { } selected: SetQueueReady(selected, value & 1); break;
            case QueueDescLow when idle is not null: idle.DescriptorTable = Low(idle.DescriptorTable, value); break;
            case QueueDescHigh when idle is not null: idle.DescriptorTable = High(idle.DescriptorTable, value); break;
            case QueueDriverLow when idle is not null: idle.DriverArea = Low(idle.DriverArea, value); break;
            case QueueDriverHigh when idle is not null: idle.DriverArea = High(idle.DriverArea, value); break;
            case QueueDeviceLow when idle is not null: idle.DeviceArea = Low(idle.DeviceArea, value); break;
            case QueueDeviceHigh when idle is not null: idle.DeviceArea = High(idle.DeviceArea, value); break;
            case QueueNotify: Notify(value); break;
            case InterruptAck:
                _interruptStatus &= ~value;
                UpdateLine();
                break;
            case Status: SetStatus(value); break;
            // Writes to read-only registers, and to a queue that does not exist, are ignored as QEMU ignores them.
        }
    }

    /// <summary>A device reset, as when the driver writes 0 to Status.</summary>
    public void Reset()
    {
        _device?.Reset();
        foreach (var q in _queues) q.Reset();
        _deviceFeaturesSel = _driverFeaturesSel = _queueSel = _status = 0;
        _driverFeatures = 0;
        _broken = false;
        LastError = null;
        _interruptStatus = 0;
        UpdateLine();
    }

    private ulong OfferedFeatures => _device is null ? 0 : _device.Features | TransportFeatures;

    private VirtQueue? SelectedQueue => _queueSel < (uint)_queues.Length ? _queues[_queueSel] : null;

    private void SetDriverFeatures(uint value)
    {
        // Once FEATURES_OK is accepted the features are settled until the next reset.
        if ((_status & VirtioStatus.FeaturesOk) != 0 || _driverFeaturesSel > 1) return;
        int shift = 32 * (int)_driverFeaturesSel;
        _driverFeatures = (_driverFeatures & ~(0xFFFF_FFFFUL << shift)) | ((ulong)value << shift);
    }

    private void SetStatus(uint value)
    {
        if (value == 0)
        {
            Reset();
            return;
        }
        if ((value & VirtioStatus.FeaturesOk) != 0 && (_status & VirtioStatus.FeaturesOk) == 0)
        {
            // A version 2 transport serves only drivers that speak virtio 1; the driver learns of a
            // refusal by reading Status back without FEATURES_OK (virtio 1.2, 3.1.1).
            bool acceptable = (_driverFeatures & VirtioFeatures.Version1) != 0 && (_driverFeatures & ~OfferedFeatures) == 0;
            if (acceptable)
            {
                _device!.NegotiatedFeatures = _driverFeatures;
                foreach (var q in _queues) q.IndirectAllowed = (_driverFeatures & VirtioFeatures.RingIndirectDescriptors) != 0;
            }
            else value &= ~VirtioStatus.FeaturesOk;
        }
        _status = value | (_broken ? VirtioStatus.DeviceNeedsReset : 0);
    }

    private void SetQueueReady(VirtQueue queue, uint ready)
    {
        if (ready == 0)
        {
            queue.Ready = false;
            return;
        }
        if (queue.Size < 1 || queue.Size > queue.MaxSize)
        {
            Fail($"queue {queue.Index} made ready with {queue.Size} entries (at most {queue.MaxSize})");
            return;
        }
        queue.Ready = true;
    }

    private void Notify(uint index)
    {
        if (_broken || index >= (uint)_queues.Length || !_queues[index].Ready) return;
        var queue = _queues[index];
        try
        {
            _device!.Process(queue);
            if (queue.TakeInterrupt())
            {
                _interruptStatus |= InterruptUsedBuffer;
                UpdateLine();
            }
        }
        catch (VirtioProtocolException e)
        {
            Fail(e.Message);
        }
    }

    /// <summary>
    /// The driver broke the protocol: the device stops serving until it is reset, and says so the way a
    /// virtio 1 device does (QEMU's virtio_error behaves the same).
    /// </summary>
    private void Fail(string reason)
    {
        LastError = reason;
        _broken = true;
        _status |= VirtioStatus.DeviceNeedsReset;
        _interruptStatus |= InterruptConfigChange;
        UpdateLine();
    }

    private void UpdateLine()
    {
        bool level = _interruptStatus != 0;
        if (level == _line) return;
        _line = level;
        _interrupt(level);
    }

    private uint ReadConfig(uint offset, int size)
    {
        CheckConfigAccess(offset, size);
        if (_device is null) return 0;
        uint ones = size == 4 ? uint.MaxValue : (1u << (8 * size)) - 1;
        if (offset + (uint)size > (uint)_device.ConfigSize) return ones;
        uint value = 0;
        for (int k = 0; k < size; k++) value |= (uint)_device.ReadConfig((int)offset + k) << (8 * k);
        return value;
    }

    private void WriteConfig(uint offset, int size, uint value)
    {
        CheckConfigAccess(offset, size);
        if (_device is null || offset + (uint)size > (uint)_device.ConfigSize) return;
        for (int k = 0; k < size; k++) _device.WriteConfig((int)offset + k, (byte)(value >> (8 * k)));
    }

    private static void CheckConfigAccess(uint offset, int size)
    {
        if (size is not (1 or 2 or 4) || offset % (uint)size != 0 || offset + (uint)size > WindowSize - Config)
            throw new MmioException($"virtio-mmio configuration access of {size} bytes at 0x{Config + offset:x}");
    }

    private static void CheckRegisterAccess(uint offset, int size)
    {
        if (size != 4 || offset % 4 != 0) throw new MmioException($"virtio-mmio register 0x{offset:x} takes 32-bit accesses, not {size} bytes");
    }

    private static bool IsRegister(uint offset) => offset switch
    {
        MagicValue or Version or DeviceIdRegister or VendorId or DeviceFeatures or DeviceFeaturesSel or DriverFeatures
            or DriverFeaturesSel or QueueSel or QueueNumMax or QueueNum or QueueReady or QueueNotify or InterruptStatus
            or InterruptAck or Status or QueueDescLow or QueueDescHigh or QueueDriverLow or QueueDriverHigh or QueueDeviceLow
            or QueueDeviceHigh or ShmSel or ConfigGeneration => true,
        >= ShmLenLow and <= ShmBaseHigh => true,
        _ => false,
    };

    private static MmioException NoRegister(uint offset) => new($"no virtio-mmio (version 2) register at offset 0x{offset:x}");

    private static ulong Low(ulong old, uint value) => (old & 0xFFFF_FFFF_0000_0000) | value;

    private static ulong High(ulong old, uint value) => (old & 0xFFFF_FFFF) | ((ulong)value << 32);
}
