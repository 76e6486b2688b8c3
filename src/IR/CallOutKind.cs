namespace Translator.IR;

/// <summary>
/// What an <see cref="Opcode.CallOut"/> calls (its aux): operations on state the IR does not hold
/// split, defined once in the backend and called by both engines.
/// </summary>
public enum CallOutKind : ulong
{
    /// <summary>Returns the assembled CPSR.</summary>
    ReadCpsr,
    /// <summary>CPSRWriteByInstr(value = arg 0, byte mask = arg 1): MSR's rules for each field by privilege.</summary>
    WriteCpsr,
    /// <summary>Returns the current mode's SPSR (UNPREDICTABLE in User/System mode: reads as the CPSR).</summary>
    ReadSpsr,
    /// <summary>Writes the byte-masked SPSR of the current mode (ignored in User/System mode).</summary>
    WriteSpsr,
    /// <summary>An exception return to the address in arg 0: CPSR = SPSR of the current mode, then PC with the restored state's alignment.</summary>
    ExceptionReturn,
    /// <summary>SETEND: CPSR.E = arg 0 (the data endianness; no privilege needed).</summary>
    SetEndianness,
}
