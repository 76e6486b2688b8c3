using Translator.IR.Passes;

namespace Translator.Backend.Execution;

public enum EngineKind { Interpreter, Jit }

/// <summary>How the dispatcher runs guest code.</summary>
public sealed record EngineOptions
{
    public EngineKind Engine { get; init; } = EngineKind.Jit;
    /// <summary>
    /// Executions after which a block is compiled (jit engine); until then it is interpreted from its IR.
    /// 0 compiles every block before its first run. A kernel boot runs some 60,000 blocks, most of them
    /// a few hundred times at most; compiling at 32 executions queued thousands of lukewarm blocks
    /// ahead of the hot ones, and the guest went on interpreting while the compiler caught up.
    /// </summary>
    public int CompileThreshold { get; init; } = 1500;
    /// <summary>Compile on a background thread (the guest keeps interpreting meanwhile) instead of on the guest's thread.</summary>
    public bool BackgroundCompile { get; init; } = true;
    public PassOptions Passes { get; init; } = PassOptions.All;
    /// <summary>Blocks compiled together with a hot block into one method (1: every block on its own).</summary>
    public int MaxRegionBlocks { get; init; } = 8;

    /// <summary>Bounds the IR of one region, so the JIT's time (which grows faster than the code) and its tracking of locals stay small.</summary>
    public int MaxRegionInsts { get; init; } = 400;
}

/// <summary>Counters the dispatcher keeps for --stats and the profiler.</summary>
public sealed class EngineStatistics
{
    public long BlocksTranslated;
    public long BlocksCompiled;
    public long BlockExecutions;
    public long InterpretedExecutions;
    public long ChainedTransfers;
    /// <summary>Blocks dropped because their virtual pages no longer led to the code they were translated from.</summary>
    public long BlocksRemapped;
    /// <summary>Hot blocks compiled together with others, and how many blocks those regions hold.</summary>
    public long RegionsFormed;
    public long RegionBlocks;
    public double TranslateSeconds;
    public double CompileSeconds;
}
