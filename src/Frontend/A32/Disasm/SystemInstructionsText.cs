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

    /// <summary>HLT: GNU prints the 16-bit immediate as four hex digits.</summary>
    public static void Halt(in Instruction i, AsmWriter w) =>
        w.Text("hlt").Tab().Text("0x").Text(i.Imm.ToString("x4", CultureInfo.InvariantCulture));

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

    /// <summary>
    /// PLD, PLDW and PLI with an immediate or (shifted) register offset, always pre-indexed; the
    /// unallocated memory hints GNU shows as PLDW, post-indexed. A literal address goes in a comment.
    /// </summary>
    public static void Preload(in Instruction i, AsmWriter w)
    {
        bool post = i.Op == Op.Nop;
        bool up = i.Flag('U');
        string sign = up ? "" : "-";
        w.Text(i.Op switch { Op.Pld => "pld", Op.Pli => "pli", _ => "pldw" }).Tab().Char('[').Reg(i.Rn);
        if (post) w.Char(']');
        if (!i.Encoding!.Pattern.Has(Field.Rm))
        {
            uint offset = i.Imm;
            if (post || !up || offset != 0) w.Text(", #").Text(sign).Decimal(offset);
            if (!post) w.Char(']');
            if (i.Rn == 15) w.CommentAddress(post ? w.Pc : up ? w.Pc + offset : w.Pc - offset);
            else LoadStoreText.OffsetComment(up ? offset : -(long)offset, w);
            return;
        }
        w.Text(", ").Text(sign);
        if (!i.Flag('B')) w.ShiftedReg(i.Rm, i.ShiftType, i.ShiftImm);
        else if ((i.Word & 0x80) != 0) w.Reg(i.Rm).Comment("<illegal shifter operand>");
        else w.RegShiftedReg(i.Rm, i.ShiftType, (int)((i.Word >> 8) & 0xF));
        if (!post) w.Char(']');
    }

    private static readonly string?[] BarrierOptions =
        [null, "oshld", "oshst", "osh", null, "nshld", "unst", "un", null, "ishld", "ishst", "ish", null, "ld", "st", "sy"];

    /// <summary>GNU's name of a DMB/DSB option, or null for the reserved ones (shown as a number).</summary>
    internal static string? BarrierOptionName(uint option) => BarrierOptions[option & 0xF];

    public static void FullBarrier(in Instruction i, AsmWriter w) => w.Text("dfb");

    public static void Barrier(in Instruction i, AsmWriter w)
    {
        w.Text(Name(i.Op)).Tab();
        if (i.Op == Op.Isb) { if (i.Imm == 15) w.Text("sy"); else w.Imm(i.Imm); return; }
        if (BarrierOptions[i.Imm] is { } name) w.Text(name); else w.Imm(i.Imm);
    }
}
