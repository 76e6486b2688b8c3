namespace Translator.Frontend.Decoding;

/// <summary>What the architecture says a word is, for the processor being modelled.</summary>
public enum InstrClass : byte
{
    Defined,
    Undefined,
    Unpredictable,
}

/// <summary>The rule that makes an instruction UNDEFINED or UNPREDICTABLE (None when it is defined).</summary>
public enum Reason : byte
{
    None,
    /// <summary>No encoding of the architecture matches the word.</summary>
    NoEncoding,
    /// <summary>The encoding belongs to an architecture extension the modelled processor lacks.</summary>
    MissingFeature,
    /// <summary>A should-be-zero or should-be-one bit has the other value.</summary>
    ShouldBeBits,
    /// <summary>PC is used where the encoding forbids it.</summary>
    PcOperand,
    /// <summary>SP is used where the encoding forbids it (Thumb).</summary>
    SpOperand,
    /// <summary>Writeback to the base register while the base is also transferred, or the base is PC.</summary>
    WritebackBase,
    /// <summary>Two operands that must differ are the same register.</summary>
    RegisterOverlap,
    /// <summary>An empty or single-register list where more are required, or a list with a forbidden register.</summary>
    RegisterList,
    /// <summary>An odd first register, or R14 as the first of a register pair.</summary>
    RegisterPair,
    /// <summary>A field value the encoding does not allow (width, mask, mode, immediate).</summary>
    FieldValue,
    /// <summary>An operation UNPREDICTABLE in the current state, such as an exception return in User mode.</summary>
    State,
    /// <summary>A Thumb instruction not allowed where it is in an IT block (a branch before the last slot, an IT inside one).</summary>
    ItBlock,
}
