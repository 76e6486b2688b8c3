using System.CommandLine;
using Microsoft.Extensions.Logging;
using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Platform.Loaders;
using Translator.Platform.Run;

namespace Translator.Platform.Cli;

/// <summary>
/// <c>translator compare</c>: runs one guest with its sensitive instructions trapping and translated
/// (and, with --engines, under the interpreter and the jit), checks that the guest saw the same
/// thing every time (console output and exit code), and prints the runs' figures side by side.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(Option<LogLevel> logLevel, TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptionSet();
        var engines = new Option<bool>("--engines") { Description = "Run each sensitive mode under the interpreter and the jit, not the jit only" };
        var command = new Command("compare", "Run a guest under trap and translate (and both engines) and compare the costs") { engines };
        options.AddTo(command);
        command.SetAction(result => options.Guard(result, logLevel, stderr, "compare", log =>
        {
            var baseline = options.Bind(result);
            var kinds = result.GetValue(engines) ? new[] { EngineKind.Interpreter, EngineKind.Jit } : [EngineKind.Jit];
            var runs = new List<(string Name, RunOutcome Outcome, byte[] Output)>();
            foreach (var engine in kinds)
                foreach (var sensitive in new[] { SensitiveMode.Trap, SensitiveMode.Translate })
                {
                    string name = $"{(engine == EngineKind.Jit ? "jit" : "interp")} {(sensitive == SensitiveMode.Trap ? "trap" : "translate")}";
                    var console = new MemoryStream();
                    var outcome = new GuestRunner(baseline with { Engine = engine, Sensitive = sensitive }, console, TextWriter.Null, log).Run();
                    runs.Add((name, outcome, console.ToArray()));
                }
            return Report(runs, stdout);
        }));
        return command;
    }

    private static int Report(List<(string Name, RunOutcome Outcome, byte[] Output)> runs, TextWriter stdout)
    {
        var first = runs[0];
        bool same = runs.All(r => r.Output.AsSpan().SequenceEqual(first.Output) && r.Outcome.ExitCode == first.Outcome.ExitCode);
        stdout.WriteLine($"guest output and exit code identical in every run: {(same ? "yes" : "NO")} (exit code {first.Outcome.ExitCode}, {first.Output.Length} bytes of output)");
        foreach (var (name, outcome, _) in runs.Where(r => r.Outcome.Error is not null))
            stdout.WriteLine($"{name}: {outcome.Error}");

        var names = runs.SelectMany(r => r.Outcome.Figures?.Rows.Select(row => row.Name) ?? []).Distinct().ToList();
        var columns = runs.Select(r => (r.Name, Values: r.Outcome.Figures?.Rows.ToDictionary(row => row.Name, row => row.Value) ?? [])).ToList();
        int label = names.Append("").Max(n => n.Length) + 2;
        var widths = columns.Select(c => Math.Max(c.Name.Length, c.Values.Values.Append("").Max(v => v.Length)) + 2).ToList();
        stdout.Write(new string(' ', label));
        for (int k = 0; k < columns.Count; k++) stdout.Write(columns[k].Name.PadRight(widths[k]));
        stdout.WriteLine();
        foreach (string name in names)
        {
            stdout.Write(name.PadRight(label));
            for (int k = 0; k < columns.Count; k++) stdout.Write(columns[k].Values.GetValueOrDefault(name, "-").PadRight(widths[k]));
            stdout.WriteLine();
        }
        return same && runs.All(r => r.Outcome.Error is null) ? 0 : 1;
    }
}
