using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text forms of the T16LoadStore family.</summary>
internal static class T16LoadStoreText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    /// <summary>LDR (literal): <c>ldr r0, [pc, #8] @ (0x10)</c>, the target from the word-aligned PC.</summary>
    public static void Literal(in Instruction i, AsmWriter w)
    {
        uint offset = i.Imm;
        w.Mnemonic("ldr", i).Tab().Reg(i.Rt).Text(", [pc, #").Decimal(offset).Text("]\t@ (").Target((w.Pc & ~3u) + offset).Char(')');
    }

    /// <summary>Register offset: <c>ldrsh r0, [r1, r2]</c>.</summary>
    public static void RegisterOffset(in Instruction i, AsmWriter w) =>
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rt).Text(", [").Reg(i.Rn).Comma().Reg(i.Rm).Char(']');

    /// <summary>Immediate offset, in bytes (SP-relative too): <c>ldr r0, [sp, #124] @ 0x7c</c>.</summary>
    public static void ImmediateOffset(in Instruction i, AsmWriter w)
    {
        long offset = i.Imm;
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rt).Text(", [").Reg(i.Rn).Comma().Imm(offset).Char(']').ValueComment(offset);
    }

    /// <summary>STMIA always writes back; LDMIA writes back unless it loads the base.</summary>
    public static void Multiple(in Instruction i, AsmWriter w)
    {
        bool load = i.Op == Op.Ldm;
        w.Mnemonic(load ? "ldmia" : "stmia", i).Tab().Reg(i.Rn);
        if (!load || (i.RegList & (1 << i.Rn)) == 0) w.Char('!');
        w.Comma().RegList(i.RegList);
    }

    public static void PushPop(in Instruction i, AsmWriter w) => w.Mnemonic(Name(i.Op), i).Tab().RegList(i.RegList);
}
