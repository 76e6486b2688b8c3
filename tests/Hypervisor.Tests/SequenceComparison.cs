using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Thumb;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// The loop every differential test against Unicorn runs: compare setups one after another, and
/// describe the first few that differ (with the code disassembled and, when asked, the shortest
/// failing prefix, whose last instruction is the first to diverge).
/// </summary>
internal static class SequenceComparison
{
    /// <param name="make">Makes the setup of run n.</param>
    /// <returns>Up to five descriptions of runs that differ.</returns>
    public static List<string> Run(UnicornDifferential diff, EngineKind engine, int count, Func<int, UnicornDifferential.Setup> make, bool shrink = false)
    {
        var failures = new List<string>();
        for (int n = 0; n < count && failures.Count < 5; n++)
        {
            var setup = make(n);
            string? problem = Compare(diff, setup, engine);
            if (problem is not null) failures.Add(Describe(setup, problem, n) + (shrink ? Shortest(diff, setup, engine) : ""));
        }
        return failures;
    }

    private static string? Compare(UnicornDifferential diff, UnicornDifferential.Setup setup, EngineKind engine)
    {
        try
        {
            return diff.Compare(setup, engine);
        }
        catch (Exception e) when (e is not AssertionException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>The shortest prefix of a failing sequence that still fails: its last instruction is the first to diverge.</summary>
    private static string Shortest(UnicornDifferential diff, UnicornDifferential.Setup setup, EngineKind engine)
    {
        var it = setup.Thumb ? ThumbSequences.ItStates(setup.Code) : null;
        for (int length = 1; length < setup.Code.Length; length++)
        {
            // A Thumb prefix must not end inside an IT block, or the closing UDF would be conditional.
            if (it is not null && it[length].InBlock) continue;
            var prefix = setup with { Code = setup.Code[..length] };
            if (Compare(diff, prefix, engine) is { } problem)
                return $"\n  first divergence at instruction {length - 1} (0x{setup.Addresses()[length - 1]:x}): {problem.Replace("\n", "; ")}";
        }
        return "";
    }

    internal static string Describe(UnicornDifferential.Setup setup, string problem, int n)
    {
        var addresses = setup.Addresses();
        var arm = new A32Disassembler();
        var thumb = new ThumbDisassembler();
        string Text(uint w, uint address) => !setup.Thumb ? arm.Disassemble(w, address)
            : thumb.Format(thumb.Next(w), address);
        var lines = setup.Code.Select((w, k) => $"  {addresses[k]:x}: {w:x8} {Text(w, addresses[k]).Replace('\t', ' ')}");
        return $"sequence {n}: {problem}\n  regs {string.Join(" ", setup.Registers.Select(r => r.ToString("x8")))} cpsr {setup.Cpsr:x8}\n{string.Join("\n", lines)}";
    }
}
