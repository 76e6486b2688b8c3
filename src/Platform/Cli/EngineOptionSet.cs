using System.CommandLine;
using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Platform.Run;

namespace Translator.Platform.Cli;

/// <summary>How a guest runs — engine, sensitive-instruction mode, statistics — as `run` and `boot` both take it.</summary>
internal sealed class EngineOptionSet
{
    private readonly Option<string> _engine = new("--engine") { Description = "jit: compile hot blocks; interp: interpret every block", DefaultValueFactory = _ => "jit" };
    private readonly Option<string> _sensitive = new("--sensitive")
    {
        Description = "trap: sensitive instructions exit to the hypervisor; translate: lowered inline", DefaultValueFactory = _ => "translate",
    };
    private readonly Option<bool> _stats = new("--stats") { Description = "Print exits by reason, blocks, TLB misses, cache hits, translation time, run time and MIPS" };

    public EngineOptionSet()
    {
        _engine.AcceptOnlyFromAmong("jit", "interp");
        _sensitive.AcceptOnlyFromAmong("trap", "translate");
    }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _engine, _sensitive, _stats }) command.Options.Add(option);
    }

    public RunOptions Apply(ParseResult result, RunOptions options) => options with
    {
        Engine = result.GetValue(_engine) == "interp" ? EngineKind.Interpreter : EngineKind.Jit,
        Sensitive = result.GetValue(_sensitive) == "trap" ? SensitiveMode.Trap : SensitiveMode.Translate,
        Statistics = result.GetValue(_stats),
    };
}
