using Translator.Hypervisor.Memory;

namespace Translator.Platform.Devices;

/// <summary>
/// ARM PrimeCell real-time clock (PL031) with QEMU's behaviour (hw/rtc/pl031.c), which Linux's rtc-pl031
/// driver reads the time from. The counter is the host's wall clock in seconds since the epoch (UTC) plus
/// an offset that a write to the load register sets so that the counter reads the value written. The
/// clock always runs: CR reads 1 and ignores writes. When the counter reaches the match register the
/// alarm interrupt (RIS bit 0) is raised, once per write of MR or LR that armed it; the output is
/// RIS &amp; IMSC, driven whenever it changes. The device has no timer of its own: the alarm is noticed on
/// every register access and by <see cref="Poll"/>, which the board calls at or after <see cref="NextMatch"/>.
/// </summary>
public sealed class Pl031Rtc : IMmioDevice
{
    public const uint WindowSize = 0x1000;

    private const uint Data = 0x00, Match = 0x04, Load = 0x08, Control = 0x0C, InterruptMask = 0x10,
        RawInterrupt = 0x14, MaskedInterrupt = 0x18, InterruptClear = 0x1C, FirstId = 0xFE0;

    /// <summary>RTCPeriphID0-3 then RTCPCellID0-3 (PL031 TRM 3.3.9-3.3.10: part 0x031, designer 0x41, revision 1).</summary>
    private static readonly byte[] Ids = [0x31, 0x10, 0x14, 0x00, 0x0D, 0xF0, 0x05, 0xB1];

    private readonly Action<bool>? _interrupt;
    private readonly Func<DateTimeOffset> _clock;
    /// <summary>Counter minus host seconds, wrapping as the 32-bit counter does.</summary>
    private uint _offset;
    private uint _match, _load, _mask, _raw;
    /// <summary>The host second at which the counter reaches the match register, while an alarm is armed.</summary>
    private long? _matchAt;
    private bool _level;

    /// <param name="interrupt">The interrupt output RTCINTR (level: true = asserted).</param>
    /// <param name="clock">The host's wall clock; <see cref="DateTimeOffset.UtcNow"/> unless a test gives its own.</param>
    public Pl031Rtc(Action<bool>? interrupt = null, Func<DateTimeOffset>? clock = null)
    {
        _interrupt = interrupt;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public string Name => "pl031";

    /// <summary>The level of the interrupt output.</summary>
    public bool InterruptLevel => _level;

    /// <summary>When the armed alarm falls due (host time), or null when none is armed.</summary>
    public DateTimeOffset? NextMatch => _matchAt is { } second ? DateTimeOffset.FromUnixTimeSeconds(second) : null;

    /// <summary>Raises the alarm interrupt if the counter has reached the match register since the alarm was armed.</summary>
    public void Poll()
    {
        if (_matchAt is not { } second || HostSeconds() < second) return;
        _matchAt = null;
        _raw = 1;
        Update();
    }

    public uint Read(uint offset, int size)
    {
        Poll();
        uint value = offset switch
        {
            Data => Counter(),
            Match => _match,
            Load => _load,
            Control => 1,
            InterruptMask => _mask,
            RawInterrupt => _raw,
            MaskedInterrupt => _raw & _mask,
            InterruptClear => 0, // write-only: QEMU reads it as zero
            >= FirstId and < WindowSize => Ids[(offset - FirstId) / 4],
            _ => throw new MmioException($"no PL031 register at offset 0x{offset:x}"),
        };
        return size >= 4 ? value : value & ((1u << (8 * size)) - 1);
    }

    public void Write(uint offset, int size, uint value)
    {
        Poll();
        switch (offset)
        {
            case Load:
                _load = value;
                _offset += value - Counter();
                Arm();
                return;
            case Match:
                _match = value;
                Arm();
                return;
            case InterruptMask:
                _mask = value & 1;
                Update();
                return;
            case InterruptClear:
                _raw &= ~value;
                Update();
                return;
            // The clock cannot be stopped, and the read-only registers ignore writes, as on QEMU.
            case Control or Data or RawInterrupt or MaskedInterrupt: return;
            case >= FirstId and < WindowSize: return;
            default: throw new MmioException($"no PL031 register at offset 0x{offset:x}");
        }
    }

    /// <summary>
    /// Arms the alarm for when the counter next equals MR; wrapping arithmetic makes a match value behind
    /// the counter fall due after the counter wraps, as on the chip. A match equal to the counter now raises
    /// the interrupt at once.
    /// </summary>
    private void Arm()
    {
        uint seconds = _match - Counter();
        _matchAt = HostSeconds() + seconds;
        Poll();
    }

    private uint Counter() => (uint)HostSeconds() + _offset;

    private long HostSeconds() => _clock().ToUnixTimeSeconds();

    private void Update()
    {
        bool level = (_raw & _mask) != 0;
        if (level == _level) return;
        _level = level;
        _interrupt?.Invoke(level);
    }
}
