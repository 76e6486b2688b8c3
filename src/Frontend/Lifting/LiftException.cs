namespace Translator.Frontend.Lifting;

/// <summary>An instruction the lifter cannot translate yet; the run stops and names it rather than guessing.</summary>
public sealed class LiftException(uint pc, uint word, string message) : Exception(message)
{
    public uint Pc { get; } = pc;
    public uint Word { get; } = word;
}
