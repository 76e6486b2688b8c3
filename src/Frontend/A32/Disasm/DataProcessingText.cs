using System.Globalization;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the DataProcessing family.</summary>
internal static class DataProcessingText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    /// <summary>
    /// Operand 2 ("%o"): a rotated immediate (with the rotation shown when it is not the canonical one),
    /// or in a T32 record ThumbExpandImm's constant, unsigned; or a shifted register.
    /// </summary>
    internal static void Operand2(in Instruction i, AsmWriter w, ref long comment)
    {
        var p = i.Encoding!.Pattern;
        if (p.Has(Field.Rotate) && i.Encoding.Thumb)
        {
            uint expanded = ThumbImmediates.ExpandImmediate((uint)i.Rotate, i.Imm);
            w.Imm(expanded);
            comment = expanded;
            return;
        }
        if (p.Has(Field.Rotate))
        {
            int rotate = i.Rotate * 2;
            uint value = Bits.RotateRight(i.Imm, rotate);
            int canonical = 0;
            while (canonical < 32 && Bits.RotateRight(value, (32 - canonical) & 31) > 0xFF) canonical += 2;
            if (canonical != rotate) w.Imm(i.Imm).Comma().Decimal(rotate);
            else w.Imm((int)value);
            comment = value;
            return;
        }
        if (p.Has(Field.Rs))
        {
            if ((i.Word & 0x80) != 0) { w.Reg(i.Rm).Comment("<illegal shifter operand>"); return; }
            w.RegShiftedReg(i.Rm, i.ShiftType, i.Rs);
            return;
        }
        w.ShiftedReg(i.Rm, i.ShiftType, i.ShiftImm);
    }

    /// <summary>The value comment GNU adds for an immediate above 32 or below -16, and the UNPREDICTABLE mark.</summary>
    internal static void End(long comment, bool unpredictable, AsmWriter w)
    {
        if (comment > 32 || comment < -16) w.Text("\t@ 0x").Text(((uint)comment).ToString("x", CultureInfo.InvariantCulture));
        if (unpredictable) w.Unpredictable();
    }

    private static bool RegisterShift(in Instruction i) => i.Encoding!.Pattern.Has(Field.Rs);

    public static void Binary(in Instruction i, AsmWriter w)
    {
        long comment = 0;
        w.Text(Name(i.Op)).Text(i.Flag('S') ? "s" : "").Cond(i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma();
        Operand2(i, w, ref comment);
        End(comment, RegisterShift(i) && (i.Rd == 15 || i.Rn == 15), w);
    }

    public static void Compare(in Instruction i, AsmWriter w)
    {
        long comment = 0;
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rn).Comma();
        Operand2(i, w, ref comment);
        End(comment, i.Rd == 15 || (RegisterShift(i) && i.Rn == 15), w);
    }

    public static void Move(in Instruction i, AsmWriter w)
    {
        long comment = 0;
        w.Text(Name(i.Op)).Text(i.Flag('S') ? "s" : "").Cond(i).Tab().Reg(i.Rd).Comma();
        bool markRd = false;
        switch (i.Op)
        {
            case Op.Mov when !i.Encoding!.Pattern.Has(Field.Rotate):
            case Op.Rrx:
                w.Reg(i.Rm);
                break;
            case Op.Lsl or Op.Lsr or Op.Asr or Op.Ror:
                markRd = i.Rd == 15;
                if (RegisterShift(i))
                {
                    if ((i.Word & 0x80) != 0) w.Reg(i.Rm).Comment("<illegal shifter operand>");
                    else w.Reg(i.Rm).Comma().Reg(i.Rs);
                }
                else
                {
                    int amount = i.ShiftImm == 0 ? 32 : i.ShiftImm;
                    w.Reg(i.Rm).Comma().Imm(amount);
                }
                break;
            default:
                markRd = i.Op == Op.Mvn && RegisterShift(i) && i.Rd == 15;
                Operand2(i, w, ref comment);
                break;
        }
        End(comment, markRd, w);
    }

    public static void IllegalShift(in Instruction i, AsmWriter w)
    {
        string name = ((i.Word >> 5) & 3) switch { 0 => "lsl", 1 => "lsr", 2 => "asr", _ => "ror" };
        w.Text(name).Text(i.Flag('S') ? "s" : "").Cond(i).Tab().Reg(i.Rd).Comma().Reg(i.Rm).Comment("<illegal shifter operand>");
        if (i.Rd == 15) w.Unpredictable();
    }

    public static void Wide(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Movw ? "movw" : "movt", i).Tab().Reg(i.Rd).Comma().Imm(i.Imm);
        End(i.Imm, i.Rd == 15, w);
    }
}
