using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the system family.</summary>
internal static class SystemInstructionsText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    public static void Svc(in Instruction i, AsmWriter w) =>
        w.Mnemonic("svc", i).Tab().Text("0x").Text(i.Imm.ToString("x8", CultureInfo.InvariantCulture));

    public static void Breakpoint(in Instruction i, AsmWriter w) =>
        w.Text("bkpt").Tab().Text("0x").Text(i.Imm.ToString("x4", CultureInfo.InvariantCulture));

    public static void PermanentlyUndefined(in Instruction i, AsmWriter w)
    {
        w.Text("udf").Tab().Imm(i.Imm);
        if (i.Imm > 32) w.Text("\t@ 0x").Text(i.Imm.ToString("x", CultureInfo.InvariantCulture));
    }

    public static void Call(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(Name(i.Op), i).Tab().Decimal(i.Imm);
        if (i.Imm > 32) w.Text("\t@ 0x").Text(i.Imm.ToString("x", CultureInfo.InvariantCulture));
    }

    public static void Bare(in Instruction i, AsmWriter w) => w.Mnemonic(Name(i.Op), i);

    public static void Clz(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("clz", i).Tab().Reg(i.Rd).Comma().Reg(i.Rm);
        if (i.Rd == 15 || i.Rm == 15) w.Unpredictable();
    }

    public static void Hint(in Instruction i, AsmWriter w)
    {
        switch (i.Op)
        {
            case Op.Dbg: w.Mnemonic("dbg", i).Tab().Imm(i.Imm); break;
            case Op.Nop: w.Mnemonic("nop", i).Tab().Char('{').Decimal(i.Imm).Char('}'); ValueComment(i.Imm, w); break;
            case Op.Sevl: w.Text("sevl"); break;
            default: w.Mnemonic(Name(i.Op), i); break;
        }
    }

    public static void ReservedHint(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("nop", i).Tab().Char('{').Decimal(i.Imm).Char('}');
        ValueComment(i.Imm, w);
        w.Unpredictable();
    }

    private static void ValueComment(uint value, AsmWriter w)
    {
        if (value > 32) w.Text("\t@ 0x").Text(value.ToString("x", CultureInfo.InvariantCulture));
    }

    private static readonly string?[] BarrierOptions =
        [null, "oshld", "oshst", "osh", null, "nshld", "unst", "un", null, "ishld", "ishst", "ish", null, "ld", "st", "sy"];

    public static void Barrier(in Instruction i, AsmWriter w)
    {
        w.Text(Name(i.Op)).Tab();
        if (i.Op == Op.Isb) { if (i.Imm == 15) w.Text("sy"); else w.Imm(i.Imm); return; }
        if (BarrierOptions[i.Imm] is { } name) w.Text(name); else w.Imm(i.Imm);
    }
}
