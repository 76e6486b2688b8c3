namespace Translator.Frontend.Decoding;

/// <summary>
/// The operand slots of a decoded instruction, one per field letter of the pattern language
/// (see <see cref="BitPattern"/>). Upper-case letters are single-bit flags and live in
/// <see cref="Instruction.Flags"/> instead.
/// </summary>
public enum Field : byte
{
    Cond,       // c
    Rd,         // d  (also CRd, Vd)
    Rn,         // n  (also CRn, Vn)
    Rm,         // m  (also CRm, Vm)
    Rs,         // s
    Ra,         // a
    Rt,         // t
    Rt2,        // u
    Imm,        // i
    Imm2,       // j
    Rotate,     // r
    ShiftImm,   // y
    ShiftType,  // z
    RegList,    // l
    Coproc,     // p
    Opc1,       // o
    Opc2,       // q
    Size,       // e  (Advanced SIMD element size)
    Count,
}

public static class FieldLetters
{
    public static Field? FromLetter(char c) => c switch
    {
        'c' => Field.Cond,
        'd' => Field.Rd,
        'n' => Field.Rn,
        'm' => Field.Rm,
        's' => Field.Rs,
        'a' => Field.Ra,
        't' => Field.Rt,
        'u' => Field.Rt2,
        'i' => Field.Imm,
        'j' => Field.Imm2,
        'r' => Field.Rotate,
        'y' => Field.ShiftImm,
        'z' => Field.ShiftType,
        'l' => Field.RegList,
        'p' => Field.Coproc,
        'o' => Field.Opc1,
        'q' => Field.Opc2,
        'e' => Field.Size,
        _ => null,
    };
}
