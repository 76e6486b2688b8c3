using System.Diagnostics;
using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices;

/// <summary>
/// ARM PrimeCell UART (PL011 r1p5) with QEMU's behaviour (hw/char/pl011.c), which is what Linux's
/// amba-pl011 driver and U-Boot's pl01x driver meet on the virt board. Transmission is instantaneous:
/// TXFE is always set, TXFF and BUSY never, and every write to DR raises TXRIS. The receive FIFO is 16
/// entries deep with LCR_H.FEN and one entry without; RXRIS rises when the FIFO goes from empty to one
/// entry and falls when a read of DR empties it (QEMU keeps the trigger level at 1 whatever IFLS says,
/// because Linux reads the FIFO only when interrupted; the receive timeout interrupt is never raised).
/// Loopback (CR.LBE) feeds transmitted bytes and the modem outputs back in, as QEMU 8.1 and later do.
/// The interrupt output is (RIS &amp; IMSC) != 0, driven whenever it changes.
/// </summary>
public sealed class Pl011Uart : IMmioDevice
{
    public const uint WindowSize = 0x1000;
    public const int FifoDepth = 16;

    private const uint Data = 0x00, ReceiveStatus = 0x04, Flags = 0x18, IrdaLowPower = 0x20, IntegerBaud = 0x24,
        FractionalBaud = 0x28, LineControl = 0x2C, Control = 0x30, FifoLevel = 0x34, InterruptMask = 0x38,
        RawInterrupts = 0x3C, MaskedInterrupts = 0x40, InterruptClear = 0x44, DmaControl = 0x48, FirstId = 0xFE0;

    private const uint FlagCts = 1 << 0, FlagDsr = 1 << 1, FlagDcd = 1 << 2, FlagReceiveEmpty = 1 << 4,
        FlagReceiveFull = 1 << 6, FlagTransmitEmpty = 1 << 7, FlagRing = 1 << 8;
    private const uint InterruptRing = 1 << 0, InterruptCts = 1 << 1, InterruptDcd = 1 << 2, InterruptDsr = 1 << 3,
        InterruptReceive = 1 << 4, InterruptTransmit = 1 << 5;
    private const uint LineFifoEnable = 1 << 4, LineBreak = 1 << 0;
    private const uint ControlLoopback = 1 << 7, ControlDtr = 1 << 10, ControlRts = 1 << 11, ControlOut1 = 1 << 12, ControlOut2 = 1 << 13;
    /// <summary>A received break: DR bit 10 (BE), which a read of DR also leaves in RSR bit 2.</summary>
    private const ushort BreakError = 1 << 10;
    /// <summary>The interrupt trigger level QEMU always uses (pl011_set_read_trigger).</summary>
    private const int ReadTrigger = 1;

    /// <summary>UARTPeriphID0-3 then UARTPCellID0-3 (PL011 TRM 3.3.14-3.3.15: part 0x011, designer 0x41, revision r1p5 = 3).</summary>
    private static readonly byte[] Ids = [0x11, 0x10, 0x14, 0x00, 0x0D, 0xF0, 0x05, 0xB1];

    /// <summary>Output that waits longer than this for a flush is flushed at the next poll of FR.</summary>
    private static readonly long FlushDelay = Stopwatch.Frequency / 500;

    private readonly Stream _output;
    private readonly Action<bool>? _interrupt;
    private readonly ushort[] _fifo = new ushort[FifoDepth];
    private int _readPosition, _count;
    private uint _flags = FlagReceiveEmpty | FlagTransmitEmpty, _lineControl, _receiveStatus, _control = 0x300,
        _fifoLevel = 0x12, _mask, _raw, _irda, _integerBaud, _fractionalBaud, _dma;
    private bool _level, _unflushed;
    private long _unflushedSince;

    /// <param name="output">Where transmitted bytes go, one at a time; it is flushed at a newline and when the guest waits (see <see cref="Flush"/>).</param>
    /// <param name="interrupt">The combined interrupt output UARTINTR (level: true = asserted).</param>
    public Pl011Uart(Stream output, Action<bool>? interrupt = null)
    {
        _output = output;
        _interrupt = interrupt;
    }

    public string Name => "pl011";

    /// <summary>The level of the interrupt output.</summary>
    public bool InterruptLevel => _level;

    /// <summary>Whether the receive FIFO has room for a byte (the console pump keeps what it cannot deliver yet).</summary>
    public bool CanReceive => _count < Depth;

    /// <summary>Called when the guest took a byte from the receive FIFO, so that the console pump can refill it.</summary>
    public Action? ReceiveSpace { get; set; }

    private int Depth => (_lineControl & LineFifoEnable) != 0 ? FifoDepth : 1;

    /// <summary>A byte arriving on the receive line; dropped when the FIFO is full, and, as on the chip, in loopback mode.</summary>
    public void Receive(byte b)
    {
        if ((_control & ControlLoopback) != 0 || !CanReceive) return;
        Put(b);
    }

    /// <summary>
    /// Flushes the output stream if a transmitted byte has not been flushed. The UART flushes at a newline,
    /// when the guest writes IMSC or CR (Linux does at the end of every burst), and when it polls FR while
    /// output has waited a while; a board whose guest can idle after output without any of those calls this.
    /// </summary>
    public void Flush()
    {
        if (!_unflushed) return;
        _unflushed = false;
        _output.Flush();
    }

    public uint Read(uint offset, int size)
    {
        // Like QEMU, a narrower or unaligned access reaches the register of its word and sees its low bits.
        uint value = ReadRegister(offset & ~3u);
        return size >= 4 ? value : value & ((1u << (8 * size)) - 1);
    }

    private uint ReadRegister(uint offset)
    {
        switch (offset)
        {
            case Data:
                uint data = Pop();
                ReceiveSpace?.Invoke();
                return data;
            case ReceiveStatus: return _receiveStatus;
            case Flags:
                if (_unflushed && Stopwatch.GetTimestamp() - _unflushedSince >= FlushDelay) Flush();
                return _flags;
            case IrdaLowPower: return _irda;
            case IntegerBaud: return _integerBaud;
            case FractionalBaud: return _fractionalBaud;
            case LineControl: return _lineControl;
            case Control: return _control;
            case FifoLevel: return _fifoLevel;
            case InterruptMask: return _mask;
            case RawInterrupts: return _raw;
            case MaskedInterrupts: return _raw & _mask;
            case InterruptClear: return 0;
            case DmaControl: return _dma;
            case >= FirstId and < WindowSize: return Ids[(offset - FirstId) / 4];
            default: throw new MmioException($"no PL011 register at offset 0x{offset:x}");
        }
    }

    public void Write(uint offset, int size, uint value)
    {
        switch (offset & ~3u)
        {
            case Data: Transmit((byte)value); return;
            case ReceiveStatus: _receiveStatus = 0; return; // UARTECR: any write clears the errors
            case IrdaLowPower: _irda = value & 0xFF; return;
            case IntegerBaud: _integerBaud = value & 0xFFFF; return; // TRM 3.3.6: BAUD DIVINT is 16 bits
            case FractionalBaud: _fractionalBaud = value & 0x3F; return; // TRM 3.3.7: BAUD DIVFRAC is 6 bits
            case LineControl: WriteLineControl(value & 0xFF); return;
            case Control:
                _control = value & 0xFFFF;
                LoopModemLines();
                Flush();
                return;
            case FifoLevel: _fifoLevel = value & 0x3F; return;
            case InterruptMask:
                _mask = value & 0x7FF;
                Update();
                Flush();
                return;
            case InterruptClear:
                _raw &= ~value;
                Update();
                return;
            case DmaControl: _dma = value & 0x7; return;
            // Read-only registers ignore writes, as QEMU's do.
            case Flags or RawInterrupts or MaskedInterrupts: return;
            case >= FirstId and < WindowSize: return;
            default: throw new MmioException($"no PL011 register at offset 0x{offset:x}");
        }
    }

    private void Transmit(byte b)
    {
        _output.WriteByte(b);
        if (!_unflushed)
        {
            _unflushed = true;
            _unflushedSince = Stopwatch.GetTimestamp();
        }
        if (b == '\n') Flush();
        if ((_control & ControlLoopback) != 0) Put(b);
        _raw |= InterruptTransmit;
        Update();
    }

    private uint Pop()
    {
        _flags &= ~FlagReceiveFull;
        // Reading an empty FIFO returns whatever its slot last held, as on QEMU.
        ushort entry = _fifo[_readPosition];
        if (_count > 0)
        {
            _count--;
            _readPosition = (_readPosition + 1) & (Depth - 1);
        }
        if (_count == 0) _flags |= FlagReceiveEmpty;
        if (_count == ReadTrigger - 1) _raw &= ~InterruptReceive;
        _receiveStatus = (uint)entry >> 8;
        Update();
        return entry;
    }

    private void Put(ushort entry)
    {
        if (!CanReceive) return;
        _fifo[(_readPosition + _count) & (Depth - 1)] = entry;
        _count++;
        _flags &= ~FlagReceiveEmpty;
        if (_count == Depth) _flags |= FlagReceiveFull;
        if (_count == ReadTrigger)
        {
            _raw |= InterruptReceive;
            Update();
        }
    }

    private void WriteLineControl(uint value)
    {
        uint changed = _lineControl ^ value;
        if ((changed & LineFifoEnable) != 0)
        {
            // Switching the FIFOs on or off empties them.
            _count = _readPosition = 0;
            _flags = (_flags & ~FlagReceiveFull) | FlagReceiveEmpty | FlagTransmitEmpty;
        }
        _lineControl = value;
        if ((changed & LineBreak) != 0 && (value & LineBreak) != 0 && (_control & ControlLoopback) != 0) Put(BreakError);
    }

    /// <summary>In loopback the modem outputs drive the modem status inputs: OUT2 to RI, OUT1 to DCD, RTS to CTS, DTR to DSR.</summary>
    private void LoopModemLines()
    {
        if ((_control & ControlLoopback) == 0) return;
        uint flags = _flags & ~(FlagRing | FlagDcd | FlagDsr | FlagCts);
        if ((_control & ControlOut2) != 0) flags |= FlagRing;
        if ((_control & ControlOut1) != 0) flags |= FlagDcd;
        if ((_control & ControlRts) != 0) flags |= FlagCts;
        if ((_control & ControlDtr) != 0) flags |= FlagDsr;
        // The modem status interrupts follow the inputs' levels, as QEMU models them.
        uint raw = _raw & ~(InterruptRing | InterruptDcd | InterruptDsr | InterruptCts);
        if ((flags & FlagRing) != 0) raw |= InterruptRing;
        if ((flags & FlagDcd) != 0) raw |= InterruptDcd;
        if ((flags & FlagCts) != 0) raw |= InterruptCts;
        if ((flags & FlagDsr) != 0) raw |= InterruptDsr;
        _flags = flags;
        _raw = raw;
        Update();
    }

    private void Update()
    {
        bool level = (_raw & _mask) != 0;
        if (level == _level) return;
        _level = level;
        _interrupt?.Invoke(level);
    }
}
