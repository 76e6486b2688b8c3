namespace Translator.IR.Passes;

/// <summary>Switches for each optimisation pass, so a miscompilation can be bisected.</summary>
[Flags]
public enum PassOptions
{
    None = 0,
    ConstantFolding = 1,
    GetSetForwarding = 2,
    DeadFlagElimination = 4,
    DeadCodeElimination = 8,
    All = ConstantFolding | GetSetForwarding | DeadFlagElimination | DeadCodeElimination,
}

/// <summary>Runs the passes in their order.</summary>
public static class Optimizer
{
    public static void Run(Block block, PassOptions options = PassOptions.All)
    {
        if (options.HasFlag(PassOptions.GetSetForwarding)) GetSetForwarding.Run(block);
        if (options.HasFlag(PassOptions.ConstantFolding)) ConstantFolding.Run(block);
        if (options.HasFlag(PassOptions.DeadFlagElimination)) DeadStateWrites.Run(block);
        if (options.HasFlag(PassOptions.DeadCodeElimination)) DeadCodeElimination.Run(block);
        block.Renumber();
    }

    /// <summary>
    /// Operations at which the guest state must be exact: they may fault (and the exception must see
    /// every earlier register write) or call out to code that reads the state.
    /// </summary>
    public static bool IsStateSyncPoint(Opcode op) =>
        op is >= Opcode.Load8 and <= Opcode.ClearExclusive or Opcode.CallOut or Opcode.VfpCheck;
}
