using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>The ARM ARM's rules for writing the PC from a computed value.</summary>
public static unsafe class Branches
{
    /// <summary>
    /// BXWritePC when <paramref name="exchange"/> (bit 0 selects Thumb state), otherwise
    /// BranchWritePC (the low bits the current state cannot address are cleared).
    /// </summary>
    public static void WritePc(CpuState* state, uint target, bool exchange)
    {
        if (exchange)
        {
            state->T = target & 1;
            state->R[15] = (target & 1) != 0 ? target & ~1u : target & ~3u;
        }
        else
        {
            state->R[15] = state->T != 0 ? target & ~1u : target & ~3u;
        }
    }
}
