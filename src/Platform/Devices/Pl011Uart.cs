using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices;

/// <summary>
/// ARM PrimeCell PL011 UART: transmitted bytes go to the console writer; nothing is received yet.
/// Registers a driver touches accept writes and read back; any other offset is an error.
/// </summary>
public sealed class Pl011Uart(Stream output) : IMmioDevice
{
    public const uint WindowSize = 0x1000;
    private const uint DataRegister = 0x00, ReceiveStatus = 0x04, Flags = 0x18, IrdaLowPower = 0x20, IntegerBaud = 0x24,
        FractionalBaud = 0x28, LineControl = 0x2C, Control = 0x30, FifoLevel = 0x34, InterruptMask = 0x38,
        RawInterrupts = 0x3C, MaskedInterrupts = 0x40, InterruptClear = 0x44, DmaControl = 0x48;
    private const uint FlagReceiveEmpty = 1 << 4, FlagTransmitEmpty = 1 << 7;
    private static readonly byte[] Ids = [0x11, 0x10, 0x14, 0x00, 0x0D, 0xF0, 0x05, 0xB1];

    private readonly Dictionary<uint, uint> _registers = new()
    {
        [IrdaLowPower] = 0, [IntegerBaud] = 0, [FractionalBaud] = 0, [LineControl] = 0, [Control] = 0x300,
        [FifoLevel] = 0x12, [InterruptMask] = 0, [DmaControl] = 0,
    };

    public string Name => "pl011";

    public uint Read(uint offset, int size) => offset switch
    {
        DataRegister => 0,
        ReceiveStatus => 0,
        Flags => FlagReceiveEmpty | FlagTransmitEmpty,
        RawInterrupts or MaskedInterrupts => 0,
        >= 0xFE0 and <= 0xFFC when offset % 4 == 0 => Ids[(offset - 0xFE0) / 4],
        _ when _registers.TryGetValue(offset, out var v) => v,
        _ => throw new MmioException($"no PL011 register at offset 0x{offset:x}"),
    };

    public void Write(uint offset, int size, uint value)
    {
        switch (offset)
        {
            case DataRegister:
                output.WriteByte((byte)value);
                if (value == '\n') output.Flush();
                return;
            case ReceiveStatus or InterruptClear:
                return;
            default:
                if (!_registers.ContainsKey(offset)) throw new MmioException($"no writable PL011 register at offset 0x{offset:x}");
                _registers[offset] = value;
                return;
        }
    }
}
