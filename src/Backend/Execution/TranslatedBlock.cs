using Translator.Backend.Compiler;
using Translator.IR;

namespace Translator.Backend.Execution;

/// <summary>
/// A cached translation: the optimised IR (run by the interpreter while the block is cold), the
/// compiled delegate once it is hot, and the links that let the dispatcher skip its lookup.
/// </summary>
public sealed class TranslatedBlock(BlockKey key, Block ir, CodeOrigin origin)
{
    public BlockKey Key { get; } = key;
    public Block Ir { get; } = ir;
    public CodeOrigin Origin { get; } = origin;
    /// <summary>
    /// The pages whose translation this block's code depends on: its own, and those of the blocks
    /// compiled into its region.
    /// </summary>
    public List<CodePage> Dependencies { get; } = [.. origin.Pages];
    /// <summary>The <see cref="IR.State.CpuState.MappingEpoch"/> at which <see cref="Dependencies"/> were last known to translate as they did.</summary>
    public uint Epoch;
    /// <summary>Set (from the compiler thread) once the block is compiled; read by the dispatcher.</summary>
    public volatile CompiledBlock? Compiled;
    public int Executions;
    public bool CompileQueued;
    /// <summary>False once the guest wrote to the code it came from; a stale block is never entered again.</summary>
    public bool Valid = true;
    /// <summary>The block that followed this one last time (a chained edge), checked by key before use.</summary>
    public TranslatedBlock? Successor;
    public double TranslateMicroseconds;
    /// <summary>What is compiled with this block as the entry, chosen when it became hot.</summary>
    public Region? Region;

    public uint StartPc => Ir.StartPc;
    public uint EndPc => Ir.EndPc;
}
