using System.Diagnostics;
using Translator.Backend.Execution;

namespace Translator.Hypervisor;

/// <summary>Exits by reason, with the time spent handling them.</summary>
public sealed class ExitStatistics
{
    private readonly long[] _counts = new long[Enum.GetValues<ExitKind>().Length];
    private readonly long[] _ticks = new long[Enum.GetValues<ExitKind>().Length];

    public void Count(ExitKind kind, long ticks)
    {
        _counts[(int)kind]++;
        _ticks[(int)kind] += ticks;
    }

    public IEnumerable<(ExitKind Kind, long Count, double MeanMicroseconds)> Rows =>
        Enum.GetValues<ExitKind>().Where(k => _counts[(int)k] > 0)
            .Select(k => (k, _counts[(int)k], _ticks[(int)k] * 1e6 / Stopwatch.Frequency / _counts[(int)k]));
}
