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
    // The size in bytes (bits 0-2) and the IT-block position of a Thumb instruction (InItBit, LastInItBit),
    // packed so that the record stays 16 bytes.
    private readonly byte _info;
    internal const byte InItBit = 0x40, LastInItBit = 0x80;

    /// <summary>2 for a 16-bit Thumb instruction, 4 otherwise.</summary>
    public byte Size => (byte)(_info & 7);

    /// <summary>A Thumb instruction inside an IT block: its condition comes from the IT instruction.</summary>
    public bool InItBlock => (_info & InItBit) != 0;

    /// <summary>The last instruction of an IT block (the only place a branch may be).</summary>
    public bool LastInItBlock => (_info & LastInItBit) != 0;

    /// <param name="info">The size, or-ed with <see cref="InItBit"/> and <see cref="LastInItBit"/> for a Thumb instruction in an IT block.</param>
    internal Instruction(uint word, Encoding? encoding, Condition cond, InstrClass cls, Reason reason, byte info)
    {
        Word = word; Encoding = encoding; Cond = cond; Class = cls; Reason = reason; _info = info;
    }

    private Instruction(in Instruction i, Condition cond, InstrClass cls, Reason reason, byte info)
    {
        Word = i.Word; Encoding = i.Encoding; Cond = cond; Class = cls; Reason = reason; _info = info;
    }

    internal Instruction WithClass(InstrClass cls, Reason reason) => new(this, Cond, cls, reason, _info);

    /// <summary>
    /// Whether the instruction updates the flags: its S bit, or for the 16-bit Thumb encodings that
    /// have none, being outside an IT block.
    /// </summary>
    public bool SetFlags => Flag('S') || (Encoding is { FlagsOutsideItBlock: true } && !InItBlock);

    public Op Op => Encoding?.Op ?? Op.Undefined;
    public uint this[Field f] => f == Field.Cond ? (uint)Cond : Read(f);

    /// <summary>Upper-case pattern letters, and the flags the encoding implies: bit (letter - 'A').</summary>
    public uint Flags => Encoding is { } e ? e.Pattern.FlagsOf(Word) | e.ImpliedFlags : 0;
    public bool Flag(char letter) =>
        Encoding is { } e && ((Word & e.Pattern.FlagMask(letter)) != 0 || (e.ImpliedFlags & 1u << (letter - 'A')) != 0);

    /// <summary>Reads or writes privileged state, or behaves differently by processor mode.</summary>
    public bool Sensitive => Encoding is { } e && e.Sensitivity.Holds(this);

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
