using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text of the T32 LDM/STM, PUSH/POP, SRS and RFE.</summary>
internal static class T32LoadStoreMultipleText
{
    private static int Base(in Instruction i) => (int)((i.Word >> 16) & 0xF);

    private static bool Writeback(in Instruction i) => (i.Word & 1u << 21) != 0;

    /// <summary>
    /// GNU names every form by its addressing mode, PUSH and POP included: "stmia.w"/"ldmia.w" and
    /// "stmdb"/"ldmdb" (no width suffix, there being no 16-bit form).
    /// </summary>
    public static void Multiple(in Instruction i, AsmWriter w)
    {
        bool load = (i.Word & 1u << 20) != 0, before = (i.Word & 1u << 24) != 0;
        w.Mnemonic((load ? "ldm" : "stm") + (before ? "db" : "ia"), i);
        if (!before) w.Text(".w");
        w.Tab().Reg(Base(i));
        if (Writeback(i)) w.Char('!');
        w.Comma().RegList(i.RegList);
    }

    /// <summary>Armv8.1-M's CLRM, which GNU shows for an LDMIA from PC: PC is APSR there, and SP invalid.</summary>
    public static void ClearMultiple(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("clrm", i).Tab().Char('{');
        bool first = true;
        for (int r = 0; r < 16; r++)
        {
            if ((i.RegList & 1 << r) == 0) continue;
            if (!first) w.Comma();
            first = false;
            if (r == 13) w.Text("(invalid: sp)");
            else if (r == 15) w.Text("APSR");
            else w.Reg(r);
        }
        w.Char('}');
    }

    private static string Mode(in Instruction i) => i.Flag('U') ? "ia" : "db";

    /// <summary>SRS: GNU shows the base register bits (SP in the ARM ARM's encoding) as they are.</summary>
    public static void StoreReturnState(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("srs" + Mode(i), i).Tab().Reg(Base(i));
        if (Writeback(i)) w.Char('!');
        w.Comma().Imm(i.Imm);
    }

    public static void ReturnFromException(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("rfe" + Mode(i), i).Tab().Reg(i.Rn);
        if (Writeback(i)) w.Char('!');
    }
}
