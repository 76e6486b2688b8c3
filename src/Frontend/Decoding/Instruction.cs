namespace Translator.Frontend.Decoding;

/// <summary>
/// One decoded instruction: the word, the encoding it matched (its operation, family, text form),
/// its condition, and its class for the modelled processor. The operand fields named by the
/// encoding's pattern letters are read from the word on demand, so decoding copies nothing but this
/// small record. A field the encoding does not have reads as zero.
/// </summary>
public readonly struct Instruction
{
    public uint Word { get; }
    /// <summary>The matched encoding, or null when no encoding matches (then <see cref="Class"/> is Undefined).</summary>
    public Encoding? Encoding { get; }
    public Condition Cond { get; }
    public InstrClass Class { get; }
    public Reason Reason { get; }
    /// <summary>2 for a 16-bit Thumb instruction, 4 otherwise.</summary>
    public byte Size { get; }

    internal Instruction(uint word, Encoding? encoding, Condition cond, InstrClass cls, Reason reason, byte size)
    {
        Word = word; Encoding = encoding; Cond = cond; Class = cls; Reason = reason; Size = size;
    }

    internal Instruction WithClass(InstrClass cls, Reason reason) => new(Word, Encoding, Cond, cls, reason, Size);

    public Op Op => Encoding?.Op ?? Op.Undefined;
    public uint this[Field f] => f == Field.Cond ? (uint)Cond : Read(f);

    /// <summary>Upper-case pattern letters: bit (letter - 'A').</summary>
    public uint Flags => Encoding?.Pattern.FlagsOf(Word) ?? 0;
    public bool Flag(char letter) => Encoding is { } e && (Word & e.Pattern.FlagMask(letter)) != 0;

    /// <summary>Reads or writes privileged state, or behaves differently by processor mode.</summary>
    public bool Sensitive => Encoding is not null && SensitiveInstructions.IsSensitive(this);

    public int Rd => (int)Read(Field.Rd);
    public int Rn => (int)Read(Field.Rn);
    public int Rm => (int)Read(Field.Rm);
    public int Rs => (int)Read(Field.Rs);
    public int Ra => (int)Read(Field.Ra);
    public int Rt => (int)Read(Field.Rt);
    public int Rt2 => (int)Read(Field.Rt2);
    public uint Imm => Read(Field.Imm);
    public uint Imm2 => Read(Field.Imm2);
    public int Rotate => (int)Read(Field.Rotate);
    public int ShiftImm => (int)Read(Field.ShiftImm);
    public ShiftType ShiftType => (ShiftType)Read(Field.ShiftType);
    public ushort RegList => (ushort)Read(Field.RegList);
    public int Coproc => (int)Read(Field.Coproc);
    public int Opc1 => (int)Read(Field.Opc1);
    public int Opc2 => (int)Read(Field.Opc2);
    /// <summary>The Advanced SIMD element size field (letter e).</summary>
    public int ElementSize => (int)Read(Field.Size);

    public bool IsUndefined => Class == InstrClass.Undefined;
    public bool IsUnpredictable => Class == InstrClass.Unpredictable;

    private uint Read(Field f) => Encoding is { } e ? e.Read(Word, f) : 0;

    public override string ToString() => $"{Word:x8} {Op} {Class}";
}

public enum ShiftType : byte { Lsl, Lsr, Asr, Ror }
