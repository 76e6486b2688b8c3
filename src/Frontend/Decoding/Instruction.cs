using System.Runtime.CompilerServices;

namespace Translator.Frontend.Decoding;

[InlineArray((int)Field.Count)]
public struct FieldValues
{
    private uint _first;
}

/// <summary>
/// One decoded instruction: the word, the encoding it matched (its operation, family, text form),
/// the operand fields named by the encoding's pattern letters, its condition, and its class for the
/// modelled processor. A field the encoding does not have reads as zero.
/// </summary>
public readonly struct Instruction
{
    private readonly FieldValues _fields;

    public uint Word { get; }
    /// <summary>The matched encoding, or null when no encoding matches (then <see cref="Class"/> is Undefined).</summary>
    public Encoding? Encoding { get; }
    /// <summary>Upper-case pattern letters: bit (letter - 'A').</summary>
    public uint Flags { get; }
    public InstrClass Class { get; }
    public Reason Reason { get; }
    /// <summary>Reads or writes privileged state, or behaves differently by processor mode.</summary>
    public bool Sensitive { get; }
    /// <summary>2 for a 16-bit Thumb instruction, 4 otherwise.</summary>
    public byte Size { get; }

    internal Instruction(uint word, Encoding? encoding, in FieldValues fields, uint flags,
        InstrClass cls, Reason reason, bool sensitive, byte size)
    {
        Word = word; Encoding = encoding; _fields = fields; Flags = flags;
        Class = cls; Reason = reason; Sensitive = sensitive; Size = size;
    }

    public Op Op => Encoding?.Op ?? Op.Undefined;
    public Condition Cond => (Condition)_fields[(int)Field.Cond];
    public uint this[Field f] => _fields[(int)f];
    public bool Flag(char letter) => ((Flags >> (letter - 'A')) & 1) != 0;

    public int Rd => (int)_fields[(int)Field.Rd];
    public int Rn => (int)_fields[(int)Field.Rn];
    public int Rm => (int)_fields[(int)Field.Rm];
    public int Rs => (int)_fields[(int)Field.Rs];
    public int Ra => (int)_fields[(int)Field.Ra];
    public int Rt => (int)_fields[(int)Field.Rt];
    public int Rt2 => (int)_fields[(int)Field.Rt2];
    public uint Imm => _fields[(int)Field.Imm];
    public uint Imm2 => _fields[(int)Field.Imm2];
    public int Rotate => (int)_fields[(int)Field.Rotate];
    public int ShiftImm => (int)_fields[(int)Field.ShiftImm];
    public ShiftType ShiftType => (ShiftType)_fields[(int)Field.ShiftType];
    public ushort RegList => (ushort)_fields[(int)Field.RegList];
    public int Coproc => (int)_fields[(int)Field.Coproc];
    public int Opc1 => (int)_fields[(int)Field.Opc1];
    public int Opc2 => (int)_fields[(int)Field.Opc2];

    public bool IsUndefined => Class == InstrClass.Undefined;
    public bool IsUnpredictable => Class == InstrClass.Unpredictable;

    /// <summary>A copy of this instruction with another class and reason (rules refine the decoder's verdict).</summary>
    internal Instruction WithClass(InstrClass cls, Reason reason) =>
        new(Word, Encoding, _fields, Flags, cls, reason, Sensitive, Size);

    internal Instruction WithSensitive(bool sensitive) =>
        new(Word, Encoding, _fields, Flags, Class, Reason, sensitive, Size);

    public override string ToString() => $"{Word:x8} {Op} {Class}";
}

public enum ShiftType : byte { Lsl, Lsr, Asr, Ror }
