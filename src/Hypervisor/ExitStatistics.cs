using System.Diagnostics;
using Translator.Backend.Execution;

namespace Translator.Hypervisor;

/// <summary>Why the guest left translated code, as the hypervisor accounts for it.</summary>
public enum ExitReason
{
    /// <summary>A sensitive instruction trapped (trap mode, or a system register translate mode cannot lower) and was emulated.</summary>
    SensitiveInstruction,
    /// <summary>An exception (SVC, undefined instruction, prefetch or data abort) forwarded into the guest's vectors.</summary>
    GuestException,
    /// <summary>An interrupt taken at a block boundary.</summary>
    Interrupt,
    /// <summary>WFI or WFE.</summary>
    WaitForInterrupt,
    /// <summary>A semihosting call served by the platform.</summary>
    Semihosting,
    /// <summary>A hypercall served by the platform.</summary>
    Hypercall,
    /// <summary>A change the translated code cannot follow (the mode, the endianness, a system register): back to the dispatcher.</summary>
    StateChange,
    /// <summary>The run ended: the guest exited or failed.</summary>
    Halt,
}

/// <summary>Exits by reason, with the time spent handling them.</summary>
public sealed class ExitStatistics
{
    private readonly long[] _counts = new long[Enum.GetValues<ExitReason>().Length];
    private readonly long[] _ticks = new long[Enum.GetValues<ExitReason>().Length];
    private ExitReason? _reclassified;

    /// <summary>The reason an exit of this kind has unless its handler says otherwise.</summary>
    public static ExitReason DefaultReason(ExitKind kind) => kind switch
    {
        ExitKind.Trap => ExitReason.SensitiveInstruction,
        ExitKind.Exception or ExitKind.Abort => ExitReason.GuestException,
        ExitKind.WaitForInterrupt => ExitReason.WaitForInterrupt,
        _ => ExitReason.StateChange,
    };

    /// <summary>The platform's handler says what the exit it is handling turned out to be (a semihosting call, a hypercall, the end).</summary>
    public void Reclassify(ExitReason reason) => _reclassified = reason;

    public void Count(ExitKind kind, long ticks)
    {
        var reason = _reclassified ?? DefaultReason(kind);
        _reclassified = null;
        Count(reason, ticks);
    }

    public void Count(ExitReason reason, long ticks)
    {
        _counts[(int)reason]++;
        _ticks[(int)reason] += ticks;
    }

    public long CountOf(ExitReason reason) => _counts[(int)reason];

    /// <summary>The mean time spent handling an exit of this reason, in microseconds (0 when there was none).</summary>
    public double MeanMicroseconds(ExitReason reason) =>
        _counts[(int)reason] == 0 ? 0 : _ticks[(int)reason] * 1e6 / Stopwatch.Frequency / _counts[(int)reason];
}
