using System.Buffers.Binary;
using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices;

/// <summary>
/// One bank of CFI NOR flash as QEMU's virt board has two of them (hw/arm/virt.c virt_flash_create1 with
/// hw/block/pflash_cfi01.c): two interleaved 16-bit Intel chips on a 32-bit bus (width 4, device-width 2),
/// 256 KiB sectors, manufacturer 0x89 and device 0x18. Commands follow the Intel/Sharp set as QEMU
/// implements it: read array (0xFF, also 0xF0 and 0x00), read status (0x70), clear status (0x50), read
/// identifier (0x90), CFI query (0x98), block erase (0x20, 0xD0), word program (0x10 or 0x40), buffered
/// program (0xE8, count - 1, data..., 0xD0) and block lock or unlock (0x60, 0x01 or 0xD0), which always
/// succeeds. Operations complete at once, so the status register's ready bit is always set; a read-only
/// bank reports erase and program errors. Commands are taken from the low byte of a write, and a query's
/// answer is repeated for both chips.
/// </summary>
/// <remarks>
/// Where QEMU departs from its own intent this does not copy it: a buffered program of a single word works
/// (QEMU 9 reports a program error for it), and the buffer is kept until the confirm, as QEMU does since 8.1.
/// Like QEMU, an erase takes effect at the 0x20 write and programming replaces bits rather than clearing them.
/// </remarks>
public sealed class CfiFlash : IRomDevice
{
    public const uint SectorSize = 256 * 1024;
    public const int BankWidth = 4, DeviceWidth = 2;
    public const ushort ManufacturerId = 0x89, DeviceId = 0x18;

    private const byte StatusReady = 0x80, StatusEraseError = 0x20, StatusProgramError = 0x10;
    private const int Chips = BankWidth / DeviceWidth;
    /// <summary>Query and identifier addresses count in bank-wide words (QEMU: offset &gt;&gt; ctz(width) + ctz(max-device-width) - ctz(device-width)).</summary>
    private const int QueryShift = 2;
    private const int WriteBufferSize = (1 << CfiQueryTable.WriteBufferLog2) * Chips;

    private readonly byte[] _storage;
    private readonly byte[] _query;
    private readonly byte[] _writeBuffer = new byte[WriteBufferSize];
    private byte _command, _status = StatusReady;
    private int _cycle;
    private uint _counter;
    /// <summary>The bank offset the write buffer stands for, or -1 when no buffered program has started.</summary>
    private long _bufferBase = -1;

    /// <param name="size">The bank's size, a multiple of <see cref="SectorSize"/> (QEMU's virt: 64 MiB).</param>
    /// <param name="initialContents">The bank's first bytes (a firmware image); the rest reads as erased (0xFF).</param>
    /// <param name="writable">Whether erase and program change the contents (false: they fail with error status).</param>
    public CfiFlash(string name, uint size, byte[]? initialContents, bool writable)
    {
        if (size == 0 || size % SectorSize != 0) throw new ArgumentException($"flash size 0x{size:x} is not a whole number of 0x{SectorSize:x}-byte sectors", nameof(size));
        if (initialContents is not null && initialContents.Length > size)
            throw new ArgumentException($"{initialContents.Length} bytes do not fit in a 0x{size:x}-byte flash bank", nameof(initialContents));
        Name = name;
        Writable = writable;
        _storage = new byte[size];
        int used = initialContents?.Length ?? 0;
        initialContents?.CopyTo(_storage, 0);
        _storage.AsSpan(used).Fill(0xFF);
        _query = CfiQueryTable.Build(size, SectorSize, Chips);
    }

    public string Name { get; }

    public bool Writable { get; }

    public uint Size => (uint)_storage.Length;

    /// <summary>Whether reads return the contents (read-array mode): the bank then reads as memory, and code runs from it (QEMU's romd mode).</summary>
    public bool ReadsArray => _command == 0;

    public bool TryGetReadOnlyView(out ReadOnlySpan<byte> contents)
    {
        contents = ReadsArray ? _storage : default;
        return ReadsArray;
    }

    /// <summary>The bank's contents as the read-array mode shows them.</summary>
    public ReadOnlySpan<byte> Contents => _storage;

    public uint Read(uint offset, int size)
    {
        CheckRange(offset, size);
        uint value;
        switch (_command)
        {
            case 0x00:
                return ReadArray(offset, size);
            case 0x10 or 0x20 or 0x40 or 0x50 or 0x60 or 0x70 or 0xE8:
                // Both chips answer with their status, each in its half of the bus.
                value = size > DeviceWidth ? _status | (uint)_status << 16 : _status;
                break;
            case 0x90:
                value = Replicate((offset >> QueryShift & 0xFF) switch { 0 => ManufacturerId, 1 => DeviceId, _ => 0u });
                break;
            case 0x98:
                uint index = offset >> QueryShift;
                value = Replicate(index < CfiQueryTable.Length ? _query[index] : 0u);
                break;
            default:
                _command = 0;
                _cycle = 0;
                return ReadArray(offset, size);
        }
        return size >= 4 ? value : value & ((1u << (8 * size)) - 1);
    }

    public void Write(uint offset, int size, uint value)
    {
        CheckRange(offset, size);
        byte command = (byte)value;
        switch (_cycle)
        {
            case 0: StartCommand(offset, command); break;
            case 1: SecondCycle(offset, size, value, command); break;
            case 2: BufferData(offset, size, value); break;
            default: ConfirmBuffer(command); break;
        }
    }

    private void StartCommand(uint offset, byte command)
    {
        switch (command)
        {
            case 0x10 or 0x40 or 0x60 or 0x98:
                break;
            case 0x20:
                uint sector = offset & ~(SectorSize - 1);
                if (Writable) _storage.AsSpan((int)sector, (int)SectorSize).Fill(0xFF);
                else _status |= StatusEraseError;
                _status |= StatusReady;
                break;
            case 0xE8:
                _status |= StatusReady;
                break;
            case 0x50:
                _status = 0;
                ReadArrayMode();
                return;
            case 0x70 or 0x90:
                // One-cycle modes: the next write starts a new command.
                _command = command;
                return;
            default:
                // 0xFF, 0xF0 (an AMD reset, which Intel chips take as read array), 0x00, and anything unknown.
                ReadArrayMode();
                return;
        }
        _command = command;
        _cycle = 1;
    }

    private void SecondCycle(uint offset, int size, uint value, byte command)
    {
        switch (_command)
        {
            case 0x10 or 0x40:
                if (Writable) Store(_storage.AsSpan((int)offset), value, size);
                else _status |= StatusProgramError;
                _status |= StatusReady;
                _cycle = 0;
                return;
            case 0x20 or 0x60 when command is 0xD0 || (_command == 0x60 && command == 0x01):
                _status |= StatusReady;
                _cycle = 0;
                return;
            case 0x98 when command != 0xFF:
                // QEMU stays in query mode until read array.
                return;
            case 0xE8:
                // The word count minus one, as one chip sees it.
                _counter = value & 0xFFFF;
                _cycle = 2;
                return;
            default:
                ReadArrayMode();
                return;
        }
    }

    private void BufferData(uint offset, int size, uint value)
    {
        if (_command != 0xE8)
        {
            ReadArrayMode();
            return;
        }
        if (_bufferBase < 0)
        {
            // The buffer covers the aligned write-buffer-sized block that the first data word falls in.
            _bufferBase = offset & ~(uint)(WriteBufferSize - 1);
            _storage.AsSpan((int)_bufferBase, WriteBufferSize).CopyTo(_writeBuffer);
        }
        long at = offset - _bufferBase;
        if (!Writable || at < 0 || at + size > WriteBufferSize) _status |= StatusProgramError;
        else Store(_writeBuffer.AsSpan((int)at), value, size);
        _status |= StatusReady;
        if (_counter == 0) _cycle = 3;
        _counter--;
    }

    private void ConfirmBuffer(byte command)
    {
        if (_command == 0xE8 && command == 0xD0 && (_status & StatusProgramError) == 0)
        {
            _writeBuffer.CopyTo(_storage.AsSpan((int)_bufferBase));
            _bufferBase = -1;
            _status |= StatusReady;
            _cycle = 0;
            return;
        }
        // Anything but the confirm abandons the buffer.
        ReadArrayMode();
    }

    private void ReadArrayMode()
    {
        _command = 0;
        _cycle = 0;
        _bufferBase = -1;
    }

    private uint ReadArray(uint offset, int size) => size switch
    {
        1 => _storage[offset],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(_storage.AsSpan((int)offset)),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(_storage.AsSpan((int)offset)),
    };

    private static void Store(Span<byte> target, uint value, int size)
    {
        for (int k = 0; k < size; k++) target[k] = (byte)(value >> (8 * k));
    }

    /// <summary>Each chip drives its own half of the bus with the same 16-bit answer.</summary>
    private static uint Replicate(uint chipAnswer) => (chipAnswer & 0xFFFF) | (chipAnswer & 0xFFFF) << 16;

    private void CheckRange(uint offset, int size)
    {
        if (size is not (1 or 2 or 4) || (ulong)offset + (ulong)size > (ulong)_storage.Length)
            throw new MmioException($"{Name}: no {size}-byte flash access at offset 0x{offset:x}");
    }
}
