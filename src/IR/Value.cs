namespace Translator.IR;

/// <summary>An IR value: a constant, or the result of an instruction earlier in the same block.</summary>
public readonly struct Value : IEquatable<Value>
{
    public Inst? Def { get; }
    private readonly ulong _constant;
    public IrType Type { get; }

    private Value(Inst? def, ulong constant, IrType type)
    {
        Def = def;
        _constant = type.Truncate(constant);
        Type = type;
    }

    public static Value Of(Inst def) => new(def, 0, def.Type);
    public static Value Constant(IrType type, ulong bits) => new(null, bits, type);
    public static Value I32(uint v) => new(null, v, IrType.I32);
    public static Value I64(ulong v) => new(null, v, IrType.I64);
    public static Value Bool(bool v) => new(null, v ? 1u : 0u, IrType.I1);

    public bool IsConstant => Def is null && Type != IrType.Void;
    public bool IsNone => Def is null && Type == IrType.Void;

    /// <summary>The constant's bits; only meaningful when <see cref="IsConstant"/>.</summary>
    public ulong Bits => _constant;

    public bool Equals(Value other) => ReferenceEquals(Def, other.Def) && _constant == other._constant && Type == other.Type;
    public override bool Equals(object? obj) => obj is Value v && Equals(v);
    public override int GetHashCode() => HashCode.Combine(Def, _constant, Type);
    public static bool operator ==(Value a, Value b) => a.Equals(b);
    public static bool operator !=(Value a, Value b) => !a.Equals(b);

    public override string ToString() => IrPrinter.Operand(this);
}
