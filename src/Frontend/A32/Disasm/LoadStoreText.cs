using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the LoadStore family.</summary>
internal static class LoadStoreText
{
    /// <summary>
    /// The addressing operand of a word/byte load or store: <c>[rn, #-4]!</c>, <c>[rn], rm, lsl #2</c>,
    /// PC-relative with the target in a comment. Returns the offset GNU shows as a trailing comment.
    /// </summary>
    public static long Address(in Instruction i, AsmWriter w, bool hasRegister)
    {
        bool p = i.Flag('P'), u = i.Flag('U'), wb = i.Flag('W');
        string sign = u ? "" : "-";
        if (i.Rn == 15 && !hasRegister)
        {
            uint offset = i.Imm;
            w.Text("[pc");
            uint target;
            if (p)
            {
                if (wb || !u || offset != 0) w.Text(", #").Text(sign).Decimal(offset);
                w.Text(wb ? "]!" : "]");
                target = u ? w.Pc + offset : w.Pc - offset;
            }
            else
            {
                w.Text("], #").Text(sign).Decimal(offset);
                target = w.Pc;
            }
            w.CommentAddress(target);
            return 0;
        }
        w.Char('[').Reg(i.Rn);
        long value = 0;
        if (p)
        {
            if (!hasRegister)
            {
                if (wb || !u || i.Imm != 0) w.Text(", #").Text(sign).Decimal(i.Imm);
                value = u ? i.Imm : -(long)i.Imm;
            }
            else
            {
                w.Text(", ").Text(sign);
                ShiftedOffset(i, w);
            }
            w.Text(wb ? "]!" : "]");
        }
        else
        {
            if (!hasRegister)
            {
                w.Text("], #").Text(sign).Decimal(i.Imm);
                value = u ? i.Imm : -(long)i.Imm;
            }
            else
            {
                w.Text("], ").Text(sign);
                ShiftedOffset(i, w);
            }
        }
        return value;
    }

    private static void ShiftedOffset(in Instruction i, AsmWriter w) => w.ShiftedReg(i.Rm, i.ShiftType, i.ShiftImm);

    /// <summary>The comment GNU adds for an immediate offset outside -16..32.</summary>
    public static void OffsetComment(long value, AsmWriter w)
    {
        if (value > 32 || value < -16) w.Text("\t@ 0x").Text(((uint)value).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Single(in Instruction i, AsmWriter w)
    {
        bool load = i.Op is Op.Ldr or Op.Ldrb or Op.Ldrt or Op.Ldrbt;
        bool hasRegister = i.Encoding!.Pattern.Has(Field.Rm);
        // STR rt, [sp, #-4]! and LDR rt, [sp], #4 are shown as one-register PUSH and POP.
        if (!hasRegister && i.Rn == 13 && i.Imm == 4 && i.Op is Op.Str or Op.Ldr)
        {
            bool push = i.Op == Op.Str && i.Flag('P') && !i.Flag('U') && i.Flag('W');
            bool pop = i.Op == Op.Ldr && !i.Flag('P') && i.Flag('U') && !i.Flag('W');
            if (push || pop)
            {
                w.Mnemonic(push ? "push" : "pop", i).Tab().Char('{').Reg(i.Rt).Text("}\t\t@ (");
                w.Mnemonic(push ? "str" : "ldr", i).Char(' ').Reg(i.Rt).Comma().Text(push ? "[sp, #-4]!)" : "[sp], #4)");
                return;
            }
        }
        string name = i.Op switch
        {
            Op.Str => "str", Op.Strb => "strb", Op.Strt => "strt", Op.Strbt => "strbt",
            Op.Ldr => "ldr", Op.Ldrb => "ldrb", Op.Ldrt => "ldrt", _ => "ldrbt",
        };
        w.Mnemonic(name, i).Tab().Reg(i.Rt).Comma();
        long value = Address(i, w, hasRegister);
        OffsetComment(value, w);
        // GNU marks PC as the register transferred by the byte forms and LDRT.
        if (i.Rt == 15 && i.Op is not (Op.Str or Op.Strt or Op.Ldr)) w.Unpredictable();
    }
}
