using Translator.IR;

namespace Translator.Backend.Compiler;

/// <summary>
/// Blocks compiled into one method, entered at the first. A member's direct jump to another member
/// stays inside the method; so does its indirect jump when the target is the one predicted for it
/// (the block that followed it when the region was formed), checked at run time.
/// </summary>
public sealed record Region(IReadOnlyList<Block> Blocks, IReadOnlyDictionary<Block, uint> PredictedTargets)
{
    private static readonly Dictionary<Block, uint> None = [];

    public static Region Single(Block block) => new([block], None);
}
