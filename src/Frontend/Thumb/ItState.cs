using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb;

/// <summary>
/// ITSTATE, the eight bits CPSR keeps for an IT block: IT[7:5] the base condition, IT[4:0] the
/// condition's low bit for each remaining instruction followed by a terminating 1. Zero outside a
/// block.
/// </summary>
public readonly record struct ItState(byte Value)
{
    public static readonly ItState None = new(0);

    /// <summary>The state an IT instruction with <paramref name="firstCond"/> and <paramref name="mask"/> sets (its own bits 7:0).</summary>
    public static ItState Of(uint firstCond, uint mask) => new((byte)((firstCond << 4) | (mask & 0xF)));

    public bool InBlock => (Value & 0xF) != 0;

    /// <summary>The instruction this state applies to is the block's last.</summary>
    public bool Last => (Value & 0xF) == 0x8;

    /// <summary>The condition of the instruction this state applies to.</summary>
    public Condition Condition => (Condition)(Value >> 4);

    /// <summary>ITAdvance(): the state for the next instruction.</summary>
    public ItState Advance() => (Value & 0x7) == 0 ? None : new ItState((byte)((Value & 0xE0) | ((Value << 1) & 0x1F)));

    public override string ToString() => $"0x{Value:x2}";
}
