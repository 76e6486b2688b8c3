namespace Translator.IR;

/// <summary>
/// IR micro-operations. Each is declared once, with its result and argument types, in
/// <see cref="Opcodes"/>; both engines implement exactly these. Shift amounts follow ARM's
/// register-shift rules (the low byte of the amount counts; 32 and above shift everything out).
/// </summary>
public enum Opcode : ushort
{
    // Guest state
    GetReg, SetReg, GetFlag, SetFlag, GetGE, SetGE,
    // ITSTATE, aux = its value: a Thumb block keeps the state's copy right wherever it can leave (an
    // exception saves it to SPSR).
    SetIt,

    // Guest instruction boundary: aux = address; keeps exceptions precise and feeds profiling.
    Mark,

    // 32-bit integer arithmetic and logic
    Add, Sub, Mul, And, Or, Xor, AndNot, Not, Neg,
    AddWithCarry, CarryOfAdd, OverflowOfAdd,
    Lsl, Lsr, Asr, Ror, LslCarry, LsrCarry, AsrCarry, RorCarry, Rrx,
    Clz, Rbit, Rev, Rev16, Revsh,
    SignExtend8, SignExtend16, ZeroExtend8, ZeroExtend16,
    UDiv, SDiv,
    SignedSaturate, SignedSaturates, UnsignedSaturate, UnsignedSaturates,

    // Comparisons and booleans
    IsZero, IsNegative, Eq, LtU, LtS, BoolNot, BoolAnd, BoolOr, BoolXor, BoolToI32, Select,

    // 64-bit
    MulU64, MulS64, Add64, Sub64, Lo32, Hi32, Pack64, ZeroExtend64, SignExtend64,
    SignedSaturate64To32, SignedSaturates64To32,

    // Packed (SIMD within a register): aux selects the operation; Ge gives the GE bits it sets.
    Packed, PackedGe,

    // Memory, aux = MemoryAccess flags
    Load8, Load16, Load32, Load64, Store8, Store16, Store32, Store64,
    LoadExclusive8, LoadExclusive16, LoadExclusive32, LoadExclusive64,
    StoreExclusive8, StoreExclusive16, StoreExclusive32, StoreExclusive64,
    ClearExclusive,

    // Calls out of translated code and side effects with no result
    CallOut, Barrier, Hint,

    // A system register held as a plain word of the state (aux = its byte offset in CpuState), read
    // or written inline where an access has no side effect beyond the word itself.
    GetSystemWord, SetSystemWord,

    // VFP. The register file: aux = the S or D register number (S2n and S2n+1 are the low and high
    // halves of Dn). The system registers: aux = VMRS/VMSR's register number, read and written by
    // Semantics/VfpSystem (a write keeps the writable bits). VfpCheck: raises
    // UNDEFINED at the instruction unless the VFP may be used (aux = VfpAccess). The arithmetic
    // (Semantics/FloatingPoint, one method per opcode) reads FPSCR's modes and sets its cumulative
    // flags; the fixed-point conversions take a FixedPoint aux, the comparisons 1 for VCMPE.
    GetS, SetS, GetD, SetD, GetVfpSystem, SetVfpSystem, VfpCheck,
    FpAdd32, FpAdd64, FpSub32, FpSub64, FpMul32, FpMul64, FpDiv32, FpDiv64, FpSqrt32, FpSqrt64,
    FpMulAdd32, FpMulAdd64, FpCompare32, FpCompare64,
    FpSingleToDouble, FpDoubleToSingle, FpHalfToSingle, FpSingleToHalf,
    FpSingleToFixed, FpDoubleToFixed, FpFixedToSingle, FpFixedToDouble,
}

/// <summary>How a memory access is made.</summary>
[Flags]
public enum MemoryAccess : ulong
{
    None = 0,
    /// <summary>Made with User privilege whatever the mode (LDRT, STRT, ...).</summary>
    Unprivileged = 1,
    /// <summary>Must be aligned to its size whatever SCTLR.A says (LDREX, LDRD on some forms, ...).</summary>
    Aligned = 2,
    /// <summary>Load-acquire or store-release ordering.</summary>
    Ordered = 4,
}

/// <summary>An opcode's signature and properties.</summary>
public sealed record OpcodeInfo(Opcode Opcode, string Name, IrType Result, IrType[] Args, bool SideEffect, bool Variadic = false);

public static class Opcodes
{
    private static readonly OpcodeInfo[] Table = Build();

    public static OpcodeInfo Info(this Opcode op) => Table[(int)op];

    private static OpcodeInfo[] Build()
    {
        const IrType V = IrType.Void, B = IrType.I1, W = IrType.I32, L = IrType.I64;
        var defs = new List<OpcodeInfo>();
        void Pure(Opcode op, IrType result, params IrType[] args) => defs.Add(new(op, Snake(op), result, args, false));
        void Effect(Opcode op, IrType result, params IrType[] args) => defs.Add(new(op, Snake(op), result, args, true));

        Pure(Opcode.GetReg, W); Effect(Opcode.SetReg, V, W);
        Pure(Opcode.GetFlag, B); Effect(Opcode.SetFlag, V, B);
        Pure(Opcode.GetGE, W); Effect(Opcode.SetGE, V, W);
        Effect(Opcode.SetIt, V);
        Effect(Opcode.Mark, V);

        foreach (var op in new[] { Opcode.Add, Opcode.Sub, Opcode.Mul, Opcode.And, Opcode.Or, Opcode.Xor, Opcode.AndNot })
            Pure(op, W, W, W);
        Pure(Opcode.Not, W, W); Pure(Opcode.Neg, W, W);
        Pure(Opcode.AddWithCarry, W, W, W, B); Pure(Opcode.CarryOfAdd, B, W, W, B); Pure(Opcode.OverflowOfAdd, B, W, W, B);
        foreach (var op in new[] { Opcode.Lsl, Opcode.Lsr, Opcode.Asr, Opcode.Ror }) Pure(op, W, W, W);
        foreach (var op in new[] { Opcode.LslCarry, Opcode.LsrCarry, Opcode.AsrCarry, Opcode.RorCarry }) Pure(op, B, W, W, B);
        Pure(Opcode.Rrx, W, W, B);
        foreach (var op in new[] { Opcode.Clz, Opcode.Rbit, Opcode.Rev, Opcode.Rev16, Opcode.Revsh,
                     Opcode.SignExtend8, Opcode.SignExtend16, Opcode.ZeroExtend8, Opcode.ZeroExtend16 })
            Pure(op, W, W);
        Pure(Opcode.UDiv, W, W, W); Pure(Opcode.SDiv, W, W, W);
        // aux = the saturation width in bits.
        Pure(Opcode.SignedSaturate, W, W); Pure(Opcode.SignedSaturates, B, W);
        Pure(Opcode.UnsignedSaturate, W, W); Pure(Opcode.UnsignedSaturates, B, W);

        Pure(Opcode.IsZero, B, W); Pure(Opcode.IsNegative, B, W);
        Pure(Opcode.Eq, B, W, W); Pure(Opcode.LtU, B, W, W); Pure(Opcode.LtS, B, W, W);
        Pure(Opcode.BoolNot, B, B); Pure(Opcode.BoolAnd, B, B, B); Pure(Opcode.BoolOr, B, B, B); Pure(Opcode.BoolXor, B, B, B);
        Pure(Opcode.BoolToI32, W, B);
        // Select's value type is that of its second argument; the verifier checks both match.
        defs.Add(new(Opcode.Select, "select", W, [B, W, W], false));

        Pure(Opcode.MulU64, L, W, W); Pure(Opcode.MulS64, L, W, W);
        Pure(Opcode.Add64, L, L, L); Pure(Opcode.Sub64, L, L, L);
        Pure(Opcode.Lo32, W, L); Pure(Opcode.Hi32, W, L); Pure(Opcode.Pack64, L, W, W);
        Pure(Opcode.ZeroExtend64, L, W); Pure(Opcode.SignExtend64, L, W);
        Pure(Opcode.SignedSaturate64To32, W, L); Pure(Opcode.SignedSaturates64To32, B, L);

        Pure(Opcode.Packed, W, W, W); Pure(Opcode.PackedGe, W, W, W);

        Effect(Opcode.Load8, W, W); Effect(Opcode.Load16, W, W); Effect(Opcode.Load32, W, W); Effect(Opcode.Load64, L, W);
        Effect(Opcode.Store8, V, W, W); Effect(Opcode.Store16, V, W, W); Effect(Opcode.Store32, V, W, W); Effect(Opcode.Store64, V, W, L);
        Effect(Opcode.LoadExclusive8, W, W); Effect(Opcode.LoadExclusive16, W, W); Effect(Opcode.LoadExclusive32, W, W); Effect(Opcode.LoadExclusive64, L, W);
        Effect(Opcode.StoreExclusive8, W, W, W); Effect(Opcode.StoreExclusive16, W, W, W); Effect(Opcode.StoreExclusive32, W, W, W); Effect(Opcode.StoreExclusive64, W, W, L);
        Effect(Opcode.ClearExclusive, V);

        defs.Add(new(Opcode.CallOut, "call_out", W, [], true, Variadic: true));
        Effect(Opcode.Barrier, V); Effect(Opcode.Hint, V);
        Effect(Opcode.GetSystemWord, W); Effect(Opcode.SetSystemWord, V, W);

        // The VFP's operations all touch state (registers, FPSCR's flags), so none is removed or folded.
        Effect(Opcode.GetS, W); Effect(Opcode.SetS, V, W); Effect(Opcode.GetD, L); Effect(Opcode.SetD, V, L);
        Effect(Opcode.GetVfpSystem, W); Effect(Opcode.SetVfpSystem, V, W);
        Effect(Opcode.VfpCheck, V);
        foreach (var op in new[] { Opcode.FpAdd32, Opcode.FpSub32, Opcode.FpMul32, Opcode.FpDiv32 }) Effect(op, W, W, W);
        foreach (var op in new[] { Opcode.FpAdd64, Opcode.FpSub64, Opcode.FpMul64, Opcode.FpDiv64 }) Effect(op, L, L, L);
        Effect(Opcode.FpSqrt32, W, W); Effect(Opcode.FpSqrt64, L, L);
        Effect(Opcode.FpMulAdd32, W, W, W, W); Effect(Opcode.FpMulAdd64, L, L, L, L);
        Effect(Opcode.FpCompare32, V, W, W); Effect(Opcode.FpCompare64, V, L, L);
        Effect(Opcode.FpSingleToDouble, L, W); Effect(Opcode.FpDoubleToSingle, W, L);
        Effect(Opcode.FpHalfToSingle, W, W); Effect(Opcode.FpSingleToHalf, W, W);
        Effect(Opcode.FpSingleToFixed, W, W); Effect(Opcode.FpDoubleToFixed, W, L);
        Effect(Opcode.FpFixedToSingle, W, W); Effect(Opcode.FpFixedToDouble, L, W);

        var table = new OpcodeInfo[Enum.GetValues<Opcode>().Length];
        foreach (var d in defs)
        {
            if (table[(int)d.Opcode] is not null) throw new InvalidOperationException($"opcode {d.Opcode} declared twice");
            table[(int)d.Opcode] = d;
        }
        for (int k = 0; k < table.Length; k++)
            if (table[k] is null) throw new InvalidOperationException($"opcode {(Opcode)k} is not declared");
        return table;
    }

    private static string Snake(Opcode op)
    {
        var name = op.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (int k = 0; k < name.Length; k++)
        {
            char c = name[k];
            if (char.IsUpper(c) && k > 0 && !char.IsUpper(name[k - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
