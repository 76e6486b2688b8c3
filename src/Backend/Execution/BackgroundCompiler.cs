using System.Collections.Concurrent;
using System.Diagnostics;
using Translator.Backend.Compiler;

namespace Translator.Backend.Execution;

/// <summary>
/// Compiles hot blocks off the guest's thread. DynamicMethods are JIT-compiled on their first call,
/// so the new delegate is called once here with a null state (every compiled block returns at once
/// then), and the guest thread only ever calls code that is already compiled.
/// </summary>
public sealed unsafe class BackgroundCompiler : IDisposable
{
    private readonly BlockingCollection<TranslatedBlock> _queue = new(new ConcurrentQueue<TranslatedBlock>(), 4096);
    private readonly Thread _thread;
    private readonly IlCompiler _compiler = new();
    private readonly EngineStatistics _stats;

    public BackgroundCompiler(EngineStatistics stats)
    {
        _stats = stats;
        _thread = new Thread(Work) { IsBackground = true, Name = "translator-compiler", Priority = ThreadPriority.BelowNormal };
        _thread.Start();
    }

    /// <summary>Whether a block offered now would be queued: when the compiler is behind, the dispatcher does not even form its region.</summary>
    public bool HasRoom => _queue.Count < _queue.BoundedCapacity;

    /// <summary>Queues a block; false when the queue is full (the block stays interpreted and is offered again later).</summary>
    public bool TryEnqueue(TranslatedBlock block) => _queue.TryAdd(block);

    public static CompiledBlock CompileNow(IlCompiler compiler, TranslatedBlock block, EngineStatistics stats)
    {
        var timer = Stopwatch.StartNew();
        var compiled = compiler.Compile(block.Region ?? Region.Single(block.Ir));
        compiled(null, null!, null!);
        Interlocked.Increment(ref stats.BlocksCompiled);
        lock (stats) stats.CompileSeconds += timer.Elapsed.TotalSeconds;
        return compiled;
    }

    private void Work()
    {
        foreach (var block in _queue.GetConsumingEnumerable())
        {
            // Once the dispatcher is disposed nobody runs what is still queued.
            if (_queue.IsAddingCompleted) break;
            if (!block.Valid) continue;
            block.Compiled = CompileNow(_compiler, block, _stats);
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        // A compilation still running past the wait keeps the queue: disposing it would fault the thread.
        if (_thread.Join(TimeSpan.FromSeconds(5))) _queue.Dispose();
    }
}
