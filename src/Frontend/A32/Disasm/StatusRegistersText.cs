using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of MRS and MSR.</summary>
internal static class StatusRegistersText
{
    private static readonly Dictionary<uint, string> Banked = new()
    {
        [15] = "CPSR", [32] = "R8_usr", [33] = "R9_usr", [34] = "R10_usr", [35] = "R11_usr", [36] = "R12_usr", [37] = "SP_usr", [38] = "LR_usr",
        [40] = "R8_fiq", [41] = "R9_fiq", [42] = "R10_fiq", [43] = "R11_fiq", [44] = "R12_fiq", [45] = "SP_fiq", [46] = "LR_fiq",
        [48] = "LR_irq", [49] = "SP_irq", [50] = "LR_svc", [51] = "SP_svc", [52] = "LR_abt", [53] = "SP_abt", [54] = "LR_und", [55] = "SP_und",
        [60] = "LR_mon", [61] = "SP_mon", [62] = "ELR_hyp", [63] = "SP_hyp", [79] = "SPSR",
        [110] = "SPSR_fiq", [112] = "SPSR_irq", [114] = "SPSR_svc", [116] = "SPSR_abt", [118] = "SPSR_und", [124] = "SPSR_mon", [126] = "SPSR_hyp",
    };

    /// <summary>SYSm as GNU assembles it for its name table: R:M:m, with R in bit 6 and the M bits in 5:4.</summary>
    private static string BankedName(uint word) => BankedRegisterName(((word & 0x004F_0000) >> 16) | ((word & 0x300) >> 4));

    /// <summary>GNU's name of a banked register or status register by its 7-bit SYSm number, or "(UNDEF: n)".</summary>
    internal static string BankedRegisterName(uint sysm) => Banked.TryGetValue(sysm, out var name) ? name : $"(UNDEF: {sysm})";

    public static void Mrs(in Instruction i, AsmWriter w)
    {
        w.Mnemonic("mrs", i).Tab().Reg(i.Rd).Comma().Text(BankedName(i.Word));
        if (i.Rd == 15) w.Unpredictable();
    }

    public static void Msr(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        w.Mnemonic("msr", i).Tab();
        if ((word & 0x0200_0200) == 0x200)
        {
            w.Text(BankedName(word)).Comma().Reg((int)(word & 0xF));
            return;
        }
        w.Text((word & 0x0040_0000) != 0 ? "SPSR_" : "CPSR_");
        if ((word & 0x80000) != 0) w.Char('f');
        if ((word & 0x40000) != 0) w.Char('s');
        if ((word & 0x20000) != 0) w.Char('x');
        if ((word & 0x10000) != 0) w.Char('c');
        w.Comma();
        if ((word & 0x0200_0000) != 0)
        {
            int rotate = (int)((word >> 8) & 0xF) * 2;
            uint imm = word & 0xFF;
            uint value = Bits.RotateRight(imm, rotate);
            int canonical = 0;
            while (canonical < 32 && Bits.RotateRight(value, (32 - canonical) & 31) > 0xFF) canonical += 2;
            if (canonical != rotate) w.Imm(imm).Comma().Decimal(rotate); else w.Imm((int)value);
            if (value > 32) w.Text("\t@ 0x").Text(value.ToString("x", CultureInfo.InvariantCulture));
            return;
        }
        // A register operand, printed with whatever shift bits the word carries.
        int rm = (int)(word & 0xF);
        if ((word & 0xFF0) == 0) { w.Reg(rm); return; }
        if ((word & 0x10) == 0) { w.ShiftedReg(rm, (ShiftType)((word >> 5) & 3), (int)((word >> 7) & 0x1F)); return; }
        if ((word & 0x80) != 0) { w.Reg(rm).Comment("<illegal shifter operand>"); return; }
        w.RegShiftedReg(rm, (ShiftType)((word >> 5) & 3), (int)((word >> 8) & 0xF));
    }
}
