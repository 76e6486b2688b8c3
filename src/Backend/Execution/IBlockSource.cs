using Translator.IR;

namespace Translator.Backend.Execution;

/// <summary>Produces the IR of the guest block at a key (the frontend's lifter, reading code through the guest's MMU).</summary>
public interface IBlockSource
{
    /// <summary>
    /// Lifts the block and says where its code came from; a fetch that faults becomes a block whose
    /// terminal raises the prefetch abort.
    /// </summary>
    Block Translate(BlockKey key, out CodeOrigin origin);

    /// <summary>
    /// Whether every virtual page of <paramref name="pages"/> still translates, for an instruction
    /// fetch with the key's privilege, to the same physical page (asked after the guest's translations
    /// may have changed). Without an MMU nothing ever moves.
    /// </summary>
    bool StillMapped(BlockKey key, IReadOnlyList<CodePage> pages) => true;
}
