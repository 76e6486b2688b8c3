using Translator.IR;

namespace Translator.Backend.Execution;

/// <summary>Produces the IR of the guest block at a key (the frontend's lifter, reading code through the guest's MMU).</summary>
public interface IBlockSource
{
    /// <summary>Lifts the block; a fetch that faults becomes a block whose terminal raises the prefetch abort.</summary>
    Block Translate(BlockKey key);
}
