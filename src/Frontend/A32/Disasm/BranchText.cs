using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the Branch family's encodings.</summary>
internal static class BranchText
{
    private static string Name(Op op) => op switch
    {
        Op.B => "b", Op.Bl => "bl", Op.Blx => "blx", Op.Bx => "bx", Op.Bxj => "bxj", _ => op.ToString().ToLowerInvariant(),
    };

    public static void Immediate(in Instruction i, AsmWriter w) =>
        w.Mnemonic(Name(i.Op), i).Tab().Target(w.Pc + (uint)(Bits.SignExtend(i.Imm, 24) << 2));

    /// <summary>BLX (immediate): H supplies bit 1 of the Thumb target.</summary>
    public static void ExchangeImmediate(in Instruction i, AsmWriter w) =>
        w.Text("blx").Tab().Target(w.Pc + (uint)(Bits.SignExtend(i.Imm, 24) << 2) + (i.Flag('H') ? 2u : 0u));

    public static void Register(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rm);
        if (i.IsUnpredictable) w.Unpredictable();
    }
}
