namespace Translator.Hypervisor.Timers;

/// <summary>
/// One of the generic timer's timers (ARM ARM B8.1.4): a 64-bit compare value against a count, and
/// CTL's ENABLE and IMASK. Its condition (ISTATUS) holds while it is enabled and the count has
/// reached CVAL; its interrupt output is the condition unless IMASK hides it. The output is
/// level-sensitive and goes to the interrupt controller through <see cref="Output"/>.
/// </summary>
public sealed class TimerChannel(string name)
{
    public const uint Enable = 1, InterruptMask = 2, InterruptStatus = 4;

    public string Name { get; } = name;
    /// <summary>ENABLE and IMASK; ISTATUS is computed when read.</summary>
    public uint Control { get; set; }
    public ulong CompareValue { get; set; }
    public Action<bool>? Output { get; set; }
    /// <summary>The level last given to <see cref="Output"/>.</summary>
    internal bool Level { get; set; }

    public bool Condition(ulong count) => (Control & Enable) != 0 && count >= CompareValue;

    public bool Asserted(ulong count) => Condition(count) && (Control & InterruptMask) == 0;

    /// <summary>
    /// The count at which the output will rise while it is low and unmasked (it may have passed since
    /// the last update: host time does not wait), or null.
    /// </summary>
    public ulong? Deadline => (Control & (Enable | InterruptMask)) == Enable && !Level ? CompareValue : null;
}

/// <summary>
/// The generic timer of a processor without the Security and Virtualization Extensions (ARM ARM B8):
/// the counter frequency register, the kernel control register (PL0 access), and the physical and
/// virtual timers. Without the Virtualization Extensions CNTVOFF is zero, so the virtual count is the
/// physical count. Outputs are brought up to date by <see cref="Update"/>, which the vCPU calls
/// between blocks and every register write calls; when the clock follows host time, a host timer asks
/// the vCPU (through the wake action) to call it at the next deadline, and when it counts
/// instructions, <see cref="DeadlineArmed"/> lets the vCPU stop there.
/// </summary>
public sealed class GenericTimer : IDisposable
{
    /// <summary>CNTKCTL: PL0PCTEN, PL0VCTEN, EVNTEN, EVNTDIR, EVNTI, PL0VTEN, PL0PTEN; the rest is reserved.</summary>
    public const uint KernelControlWritable = 0x3FF;
    public const uint Pl0PhysicalCount = 1 << 0, Pl0VirtualCount = 1 << 1, Pl0VirtualTimer = 1 << 8, Pl0PhysicalTimer = 1 << 9;

    private readonly Action _wake;
    private readonly Lock _gate = new();
    private Timer? _host;
    /// <summary>The deadline the host timer is armed for, or -1; the host timer's thread clears it when it fires.</summary>
    private long _scheduled = -1;
    private bool _disposed;

    public GenericTimer(GuestClock clock, Action wake)
    {
        Clock = clock;
        _wake = wake;
    }

    public GuestClock Clock { get; }
    /// <summary>CNTFRQ: what software is told the counter's frequency is (writing it does not change the counter).</summary>
    public uint Frequency { get; set; } = (uint)GuestClock.Frequency;
    public uint KernelControl { get; set; }
    public TimerChannel Physical { get; } = new("physical");
    public TimerChannel Virtual { get; } = new("virtual");

    /// <summary>
    /// With --icount: told the next deadline whenever the outputs are brought up to date, so that a
    /// timer armed by code that is running can end its slice there.
    /// </summary>
    public Action<ulong>? DeadlineArmed { get; set; }

    public ulong PhysicalCount => Clock.Now;
    public ulong VirtualCount => Clock.Now;

    public uint ReadControl(TimerChannel timer) =>
        timer.Control | (timer.Condition(Clock.Now) ? TimerChannel.InterruptStatus : 0);

    public void WriteControl(TimerChannel timer, uint value)
    {
        timer.Control = value & (TimerChannel.Enable | TimerChannel.InterruptMask);
        Update();
    }

    public void WriteCompareValue(TimerChannel timer, ulong value)
    {
        timer.CompareValue = value;
        Update();
    }

    /// <summary>TVAL: the signed 32-bit distance from the count to CVAL.</summary>
    public uint ReadTimerValue(TimerChannel timer) => (uint)(timer.CompareValue - Clock.Now);

    public void WriteTimerValue(TimerChannel timer, uint value) => WriteCompareValue(timer, Clock.Now + (ulong)(long)(int)value);

    /// <summary>The earliest count at which an output will rise, or null when none is armed.</summary>
    public ulong? NextDeadline
    {
        get
        {
            ulong? p = Physical.Deadline, v = Virtual.Deadline;
            return p is null ? v : v is null ? p : Math.Min(p.Value, v.Value);
        }
    }

    /// <summary>Drives each output to its current level and, on host time, arms the host timer for the next deadline.</summary>
    public void Update()
    {
        ulong now = Clock.Now;
        foreach (var timer in (ReadOnlySpan<TimerChannel>)[Physical, Virtual])
        {
            bool level = timer.Asserted(now);
            if (level == timer.Level) continue;
            timer.Level = level;
            timer.Output?.Invoke(level);
        }
        if (!Clock.CountsInstructions) Schedule(NextDeadline);
        else if (NextDeadline is { } deadline) DeadlineArmed?.Invoke(deadline);
    }

    private void Schedule(ulong? deadline)
    {
        long armed = deadline is { } due ? (long)due : -1;
        if (armed == Volatile.Read(ref _scheduled)) return;
        Volatile.Write(ref _scheduled, armed);
        if (deadline is not { } d)
        {
            _host?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        _host ??= new Timer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _host.Change(Clock.Until(d), Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed) return;
            // The next Update arms the host timer again if this deadline has not passed after all.
            Volatile.Write(ref _scheduled, -1);
            _wake();
        }
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _host?.Dispose();
    }
}
