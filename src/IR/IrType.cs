namespace Translator.IR;

/// <summary>The type of an IR value. I1 holds a flag or a condition (0 or 1).</summary>
public enum IrType : byte
{
    Void,
    I1,
    I32,
    I64,
    F32,
    F64,
}

public static class IrTypes
{
    public static string Name(this IrType t) => t switch
    {
        IrType.Void => "void",
        IrType.I1 => "i1",
        IrType.I32 => "i32",
        IrType.I64 => "i64",
        IrType.F32 => "f32",
        IrType.F64 => "f64",
        _ => "?",
    };

    /// <summary>Keeps only the bits a value of this type holds.</summary>
    public static ulong Truncate(this IrType t, ulong v) => t switch
    {
        IrType.I1 => v & 1,
        IrType.I32 or IrType.F32 => v & 0xFFFF_FFFF,
        _ => v,
    };
}
