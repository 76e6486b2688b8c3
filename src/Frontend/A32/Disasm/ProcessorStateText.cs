using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of CPS, SETEND, SETPAN, SRS and RFE.</summary>
internal static class ProcessorStateText
{
    /// <summary>
    /// GNU names the interrupt-mask forms CPSIE/CPSID only when they change a mode too or name no
    /// mode at all; every other word is shown as a bare mode change, whatever its imod bits say.
    /// </summary>
    public static void ChangeState(in Instruction i, AsmWriter w)
    {
        bool masks = i.Imm2 >= 0b10 && (i.Flag('M') || i.Imm == 0);
        if (!masks)
        {
            w.Text("cps").Tab().Imm(i.Imm);
            return;
        }
        w.Text(i.Imm2 == 0b10 ? "cpsie" : "cpsid").Tab();
        if (i.Flag('A')) w.Char('a');
        if (i.Flag('I')) w.Char('i');
        if (i.Flag('F')) w.Char('f');
        if (i.Flag('M')) w.Text(",#").Decimal(i.Imm);
    }

    public static void SetEndianness(in Instruction i, AsmWriter w) => w.Text("setend").Tab().Text(i.Flag('E') ? "be" : "le");

    public static void SetPan(in Instruction i, AsmWriter w) => w.Text("setpan").Tab().Imm(i.Imm);

    /// <summary>The addressing-mode suffix from P (before) and U (increment): da, db, ia, ib.</summary>
    private static string Mode(in Instruction i) => (i.Flag('U') ? "i" : "d") + (i.Flag('P') ? "b" : "a");

    public static void StoreReturnState(in Instruction i, AsmWriter w)
    {
        w.Text("srs").Text(Mode(i)).Tab().Text("sp");
        if (i.Flag('W')) w.Char('!');
        w.Comma().Imm(i.Imm);
    }

    public static void ReturnFromException(in Instruction i, AsmWriter w)
    {
        w.Text("rfe").Text(Mode(i)).Tab().Reg(i.Rn);
        if (i.Flag('W')) w.Char('!');
    }
}
