using System.Diagnostics;
using Translator.Backend.Compiler;
using Translator.Backend.Memory;
using Translator.IR;
using Translator.IR.Passes;
using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>
/// Runs guest code block after block: finds the next block (the last block's chained successor,
/// then the jump cache, then the cache, then a new translation), runs it compiled if it is hot and
/// interpreted if not, and returns to its caller on any exit that is not a plain branch or when the
/// instruction budget is spent. Guest branches never grow the host stack.
/// </summary>
public sealed unsafe class Dispatcher : IDisposable
{
    private readonly IBlockSource _source;
    private readonly EngineOptions _options;
    private readonly Interpreter.Interpreter _interpreter = new();
    private readonly IlCompiler _compiler = new();
    private readonly BackgroundCompiler? _background;

    public BlockCache Cache { get; } = new();
    public EngineStatistics Statistics { get; } = new();

    public Dispatcher(IBlockSource source, EngineOptions options)
    {
        _source = source;
        _options = options;
        if (options.Engine == EngineKind.Jit && options.BackgroundCompile) _background = new BackgroundCompiler(Statistics);
    }

    /// <summary>
    /// Runs until an exit other than Continue, until <paramref name="retireLimit"/> instructions have
    /// retired or the limit is lowered (compiled regions check it at their back edges), or until the
    /// state's pending word asks for the hypervisor (checked before every block).
    /// </summary>
    public ExitKind Run(CpuState* state, IGuestMemory memory, BlockExit exit, ulong retireLimit, byte vmid = 0)
    {
        TranslatedBlock? previous = null;
        state->RetireLimit = retireLimit;
        // Another thread may have set the pending word and lowered the limit just before the store
        // above; the fence makes the pending check below see its bit.
        Interlocked.MemoryBarrier();
        // The TLB table follows the privilege and the address space; both change only between blocks.
        uint tlbContext = TlbContext(state, state->Mode != (uint)ProcessorMode.User);
        state->Tlb = memory.SelectTlb(state);
        while (state->Retired < state->RetireLimit)
        {
            if (state->NeedsAttention)
            {
                exit.Kind = ExitKind.Interrupt;
                return ExitKind.Interrupt;
            }
            bool privileged = state->Mode != (uint)ProcessorMode.User;
            uint context = TlbContext(state, privileged);
            if (context != tlbContext)
            {
                tlbContext = context;
                state->Tlb = memory.SelectTlb(state);
            }
            var key = BlockKey.Of(state->R[15], state->T != 0, (byte)state->IT, privileged, state->AddressSpace, vmid, state->E != 0);
            TranslatedBlock block;
            if (previous?.Successor is { Valid: true } chained && (chained.Key == key || chained.Key == key.AsGlobal()))
            {
                block = chained;
                Statistics.ChainedTransfers++;
            }
            else
            {
                block = Cache.FindInAddressSpace(key) ?? Translate(key, state->MappingEpoch);
                if (previous is not null) previous.Successor = block;
            }
            if (block.Epoch != state->MappingEpoch)
            {
                // The guest's translations changed since the block's pages were last checked: a block
                // (or region) whose virtual pages now lead elsewhere, or cannot be fetched, is dropped.
                if (_source.StillMapped(block.Key, block.Dependencies)) block.Epoch = state->MappingEpoch;
                else
                {
                    Cache.Invalidate(block);
                    Statistics.BlocksRemapped++;
                    block = Translate(key, state->MappingEpoch);
                    if (previous is not null) previous.Successor = block;
                }
            }

            if (block.Compiled is null && !block.CompileQueued && _options.Engine == EngineKind.Jit && _options.CompileThreshold == 0)
                Promote(block);

            ExitKind kind;
            Statistics.BlockExecutions++;
            if (block.Compiled is { } compiled)
            {
                kind = compiled(state, memory, exit);
            }
            else
            {
                Statistics.InterpretedExecutions++;
                kind = _interpreter.Run(block.Ir, state, memory, exit);
                if (_options.Engine == EngineKind.Jit && ++block.Executions >= _options.CompileThreshold) Promote(block);
            }
            if (kind != ExitKind.Continue) return kind;
            previous = block;
        }
        exit.Kind = ExitKind.Continue;
        return ExitKind.Continue;
    }

    private static uint TlbContext(CpuState* state, bool privileged) => state->AddressSpace | (privileged ? 1u << 31 : 0);

    private TranslatedBlock Translate(BlockKey key, uint epoch)
    {
        var timer = Stopwatch.StartNew();
        var ir = _source.Translate(key, out var origin);
        Optimizer.Run(ir, _options.Passes);
        var block = new TranslatedBlock(origin.Global ? key.AsGlobal() : key, ir, origin)
        {
            TranslateMicroseconds = timer.Elapsed.TotalMicroseconds,
            // A faulted block is checked (and found stale) every time it is reached.
            Epoch = origin.Faulted ? epoch - 1 : epoch,
        };
        Cache.Add(block);
        Statistics.BlocksTranslated++;
        Statistics.TranslateSeconds += timer.Elapsed.TotalSeconds;
        return block;
    }

    private void Promote(TranslatedBlock block)
    {
        if (block.CompileQueued || _background is { HasRoom: false }) return;
        if (_options.MaxRegionBlocks > 1) block.Region = FormRegion(block);
        if (_background is null)
        {
            block.Compiled = BackgroundCompiler.CompileNow(_compiler, block, Statistics);
            block.CompileQueued = true;
        }
        else if (_background.TryEnqueue(block))
        {
            block.CompileQueued = true;
        }
    }

    /// <summary>
    /// The blocks to compile with a hot block: those reachable from it through direct jumps, and
    /// through indirect jumps to the block that followed them last, that have run already (the
    /// others are cold and stay out, so the JIT does not pay for them), in breadth-first order, up to
    /// the size limit. The entry is registered under every member's pages, so a write to any
    /// member's code drops the region too.
    /// </summary>
    private Region FormRegion(TranslatedBlock entry)
    {
        var members = new List<TranslatedBlock> { entry };
        var byPc = new Dictionary<uint, TranslatedBlock> { [entry.StartPc] = entry };
        var predicted = new Dictionary<Block, uint>();
        int insts = entry.Ir.Insts.Count;

        bool Admit(TranslatedBlock? next)
        {
            if (next is null) return false;
            if (byPc.ContainsKey(next.StartPc)) return true;
            // Everything but the PC must be the entry's: state, privilege, ASID, VMID, endianness.
            if (!next.Valid || next.Key.Value >> 32 != entry.Key.Value >> 32) return false;
            if (members.Count >= _options.MaxRegionBlocks || insts + next.Ir.Insts.Count > _options.MaxRegionInsts) return false;
            if (next.Executions < _options.CompileThreshold / 4 && next.Compiled is null) return false;
            insts += next.Ir.Insts.Count;
            members.Add(next);
            byPc[next.StartPc] = next;
            Cache.Cover(entry, next);
            return true;
        }

        for (int k = 0; k < members.Count; k++)
        {
            var member = members[k];
            foreach (var (target, thumb, it) in member.Ir.DirectSuccessors())
            {
                // A jump into another state or IT state leaves the region (its key differs from the entry's).
                if (thumb != entry.Key.Thumb || it != entry.Key.ItState || byPc.ContainsKey(target)) continue;
                Admit(Cache.Find(entry.Key.At(target, thumb, it)));
            }
            if (member.Ir.Terminal is JumpIndirect && member.Successor is { } last && Admit(last))
                predicted[member.Ir] = last.StartPc;
        }
        if (members.Count > 1)
        {
            Statistics.RegionsFormed++;
            Statistics.RegionBlocks += members.Count;
        }
        return new Region([.. members.Select(m => m.Ir)], predicted);
    }

    public void Dispose() => _background?.Dispose();
}
