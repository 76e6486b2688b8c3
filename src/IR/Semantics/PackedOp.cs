namespace Translator.IR.Semantics;

/// <summary>The SIMD-within-a-register operations of <see cref="Opcode.Packed"/> (aux selects one).</summary>
public enum PackedOp : byte
{
    Sadd16, Sasx, Ssax, Ssub16, Sadd8, Ssub8,
    Qadd16, Qasx, Qsax, Qsub16, Qadd8, Qsub8,
    Shadd16, Shasx, Shsax, Shsub16, Shadd8, Shsub8,
    Uadd16, Uasx, Usax, Usub16, Uadd8, Usub8,
    Uqadd16, Uqasx, Uqsax, Uqsub16, Uqadd8, Uqsub8,
    Uhadd16, Uhasx, Uhsax, Uhsub16, Uhadd8, Uhsub8,
    /// <summary>USAD8: the sum of absolute differences of the four byte pairs.</summary>
    Usad8,
    /// <summary>Expands GE[3:0] (first argument) into a byte mask for SEL.</summary>
    GeMask,
    /// <summary>QADD16-style saturation helpers for SSAT16/USAT16: aux bits 8.. hold the width.</summary>
    Ssat16, Usat16,
}
