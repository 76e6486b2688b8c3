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
public struct Instruction
{
    private readonly FieldValues _fields;

    public uint Word { get; }
    /// <summary>The matched encoding, or null when no encoding matches (then <see cref="Class"/> is Undefined).</summary>
    public Encoding? Encoding { get; }
    /// <summary>Upper-case pattern letters: bit (letter - 'A').</summary>
    public uint Flags { get; }
    public InstrClass Class { readonly get; private set; }
    public Reason Reason { readonly get; private set; }
    /// <summary>Reads or writes privileged state, or behaves differently by processor mode.</summary>
    public bool Sensitive { readonly get; private set; }
    /// <summary>2 for a 16-bit Thumb instruction, 4 otherwise.</summary>
    public byte Size { get; }

    internal Instruction(uint word, Encoding? encoding, in FieldValues fields, uint flags,
        InstrClass cls, Reason reason, bool sensitive, byte size)
    {
        Word = word; Encoding = encoding; _fields = fields; Flags = flags;
        Class = cls; Reason = reason; Sensitive = sensitive; Size = size;
    }

    public readonly Op Op => Encoding?.Op ?? Op.Undefined;
    public readonly Condition Cond => (Condition)_fields[(int)Field.Cond];
    public readonly uint this[Field f] => _fields[(int)f];
    public readonly bool Flag(char letter) => ((Flags >> (letter - 'A')) & 1) != 0;

    public readonly int Rd => (int)_fields[(int)Field.Rd];
    public readonly int Rn => (int)_fields[(int)Field.Rn];
    public readonly int Rm => (int)_fields[(int)Field.Rm];
    public readonly int Rs => (int)_fields[(int)Field.Rs];
    public readonly int Ra => (int)_fields[(int)Field.Ra];
    public readonly int Rt => (int)_fields[(int)Field.Rt];
    public readonly int Rt2 => (int)_fields[(int)Field.Rt2];
    public readonly uint Imm => _fields[(int)Field.Imm];
    public readonly uint Imm2 => _fields[(int)Field.Imm2];
    public readonly int Rotate => (int)_fields[(int)Field.Rotate];
    public readonly int ShiftImm => (int)_fields[(int)Field.ShiftImm];
    public readonly ShiftType ShiftType => (ShiftType)_fields[(int)Field.ShiftType];
    public readonly ushort RegList => (ushort)_fields[(int)Field.RegList];
    public readonly int Coproc => (int)_fields[(int)Field.Coproc];
    public readonly int Opc1 => (int)_fields[(int)Field.Opc1];
    public readonly int Opc2 => (int)_fields[(int)Field.Opc2];
    public readonly int ElementSize => (int)_fields[(int)Field.Size];

    public readonly bool IsUndefined => Class == InstrClass.Undefined;
    public readonly bool IsUnpredictable => Class == InstrClass.Unpredictable;

    /// <summary>A copy of this instruction with another class and reason (rules refine the decoder's verdict).</summary>
    internal void SetClass(InstrClass cls, Reason reason)
    {
        Class = cls;
        Reason = reason;
    }

    internal void SetSensitive(bool sensitive) => Sensitive = sensitive;

    public readonly override string ToString() => $"{Word:x8} {Op} {Class}";
}

public enum ShiftType : byte { Lsl, Lsr, Asr, Ror }
