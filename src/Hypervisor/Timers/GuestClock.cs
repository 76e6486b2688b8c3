using System.Diagnostics;
using Translator.IR.State;

namespace Translator.Hypervisor.Timers;

/// <summary>
/// The system counter the generic timer reads (CNTPCT), counting at <see cref="Frequency"/> from the
/// VM's start. It follows either host time, or, with --icount, only the instructions the vCPU has
/// retired: one count per instruction, which at 62.5 MHz makes every instruction take 16 ns of guest
/// time (QEMU's <c>-icount shift=4</c>), so that runs repeat exactly. A vCPU waiting for an interrupt
/// with nothing to do moves an instruction-counting clock forward to the next deadline at once.
/// </summary>
public sealed unsafe class GuestClock
{
    /// <summary>62.5 MHz, the frequency QEMU's virt board gives its CPUs' counters (CNTFRQ 0x03b9aca0).</summary>
    public const ulong Frequency = 62_500_000;

    private readonly CpuState* _state;
    private readonly long _start = Stopwatch.GetTimestamp();
    /// <summary>Counts skipped by waits, with --icount.</summary>
    private ulong _skipped;

    private GuestClock(CpuState* state) => _state = state;

    public static GuestClock HostTime() => new(null);

    public static GuestClock CountingInstructions(CpuState* state) => new(state);

    public bool CountsInstructions => _state != null;

    public ulong Now => CountsInstructions ? _state->Retired + _skipped : HostCount(Stopwatch.GetTimestamp());

    /// <summary>With --icount: the retired-instruction count at which the counter reaches <paramref name="count"/>.</summary>
    public ulong RetiredAt(ulong count) => count - _skipped;

    /// <summary>With --icount: moves the counter forward to <paramref name="count"/> without running instructions.</summary>
    public void SkipTo(ulong count)
    {
        ulong now = Now;
        if (count > now) _skipped += count - now;
    }

    /// <summary>Host time until the counter reaches <paramref name="count"/>, rounded up (zero if it has).</summary>
    public TimeSpan Until(ulong count)
    {
        ulong now = Now;
        if (count <= now) return TimeSpan.Zero;
        UInt128 hostTicks = ((UInt128)(count - now) * TimeSpan.TicksPerSecond + Frequency - 1) / Frequency;
        return TimeSpan.FromTicks((long)UInt128.Min(hostTicks, (UInt128)TimeSpan.FromDays(1).Ticks));
    }

    private ulong HostCount(long timestamp) =>
        (ulong)((UInt128)(ulong)(timestamp - _start) * Frequency / (ulong)Stopwatch.Frequency);
}
