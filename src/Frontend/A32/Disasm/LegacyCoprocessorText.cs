using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>
/// GNU-syntax text forms of the legacy coprocessor mnemonics (FPA on coprocessors 1 and 2, Maverick
/// on 4 to 6, the XScale DSP accumulator on 0). The words are generic coprocessor instructions and
/// decode with the generic fields: an FPA register is CRd, CRn or CRm less its top bit, which with
/// opc2 holds the precision and rounding mode. Words in the MCRR/MRRC space carry the fields of
/// MCRR/MRRC but GNU reads them as unindexed loads and stores, so those forms re-read them.
/// </summary>
internal static class LegacyCoprocessorText
{
    private static readonly string[] FpaConstants = ["0.0", "1.0", "2.0", "3.0", "4.0", "5.0", "0.5", "10.0"];
    private static readonly string[] Rounding = ["", "p", "m", "z"];

    // ---- FPA ----

    /// <summary>An FPA register, or for CRm above 7 one of the eight constants.</summary>
    private static AsmWriter FpaOperand(this AsmWriter w, int crm) =>
        crm > 7 ? w.Char('#').Text(FpaConstants[crm & 7]) : w.Char('f').Decimal(crm);

    /// <summary>Arithmetic precision: bit 19 (top of CRn) and bit 7 (top of opc2).</summary>
    private static string Precision(in Instruction i) => ((i.Rn >> 3) << 1 | (i.Opc2 >> 2)) switch
    {
        0 => "s",
        1 => "d",
        2 => "e",
        _ => "<illegal precision>",
    };

    /// <summary>Load/store precision: bit 22 (N) and bit 15 (top of CRd, or of Rt in the MCRR space).</summary>
    private static string MemoryPrecision(bool n, int top) => (n, top) switch
    {
        (false, 0) => "s",
        (false, _) => "d",
        (true, 0) => "e",
        _ => "p",
    };

    /// <summary>LFM/SFM register count: bit 22 (N) and bit 15.</summary>
    private static int Count(bool n, int top) => (n, top) switch
    {
        (false, 0) => 4,
        (false, _) => 1,
        (true, 0) => 2,
        _ => 3,
    };

    /// <summary>ADF, MUF, ...: Fd, Fn, Fm or constant.</summary>
    public static TextForm DyadicForm(string name) => (in Instruction i, AsmWriter w) =>
        w.Text(name).Cond(i).Text(Precision(i)).Text(Rounding[i.Opc2 & 3]).Tab()
            .Char('f').Decimal(i.Rd & 7).Text(", f").Decimal(i.Rn & 7).Comma().FpaOperand(i.Rm);

    /// <summary>MVF, MNF, ABS, ...: Fd, Fm or constant.</summary>
    public static TextForm MonadicForm(string name) => (in Instruction i, AsmWriter w) =>
        w.Text(name).Cond(i).Text(Precision(i)).Text(Rounding[i.Opc2 & 3]).Tab()
            .Char('f').Decimal(i.Rd & 7).Comma().FpaOperand(i.Rm);

    public static void Flt(in Instruction i, AsmWriter w) =>
        w.Text("flt").Cond(i).Text(Precision(i)).Text(Rounding[i.Opc2 & 3]).Tab().Char('f').Decimal(i.Rn & 7).Comma().Reg(i.Rt);

    public static void Fix(in Instruction i, AsmWriter w) =>
        w.Text("fix").Cond(i).Text(Rounding[i.Opc2 & 3]).Tab().Reg(i.Rt).Text(", f").Decimal(i.Rm & 7);

    /// <summary>WFS, RFS, WFC, RFC: the status or control register to or from Rt.</summary>
    public static TextForm StatusTransfer(string name) => (in Instruction i, AsmWriter w) => w.Mnemonic(name, i).Tab().Reg(i.Rt);

    /// <summary>CMF, CNF, CMFE, CNFE: Fn against Fm or a constant.</summary>
    public static TextForm CompareForm(string name) => (in Instruction i, AsmWriter w) =>
        w.Mnemonic(name, i).Tab().Char('f').Decimal(i.Rn & 7).Comma().FpaOperand(i.Rm);

    /// <summary>LDF/STF in the LDC/STC space.</summary>
    public static TextForm LoadStore(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Text(name).Cond(i).Text(MemoryPrecision(i.Flag('N'), i.Rd >> 3)).Tab().Char('f').Decimal(i.Rd & 7).Comma();
        Comment(w, CoprocessorText.Address(i, w, scale: 4));
    };

    /// <summary>LDF/STF in the MCRR/MRRC space: N is set, Rt holds the register and Rt2 the base.</summary>
    public static TextForm LoadStoreAsTransfer64(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Text(name).Cond(i).Text(MemoryPrecision(true, i.Rt >> 3)).Tab().Char('f').Decimal(i.Rt & 7).Comma();
        UnindexedAddress(i, w);
    };

    /// <summary>LFM/SFM in the LDC/STC space.</summary>
    public static TextForm Multiple(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Tab().Char('f').Decimal(i.Rd & 7).Comma().Decimal(Count(i.Flag('N'), i.Rd >> 3)).Comma();
        Comment(w, CoprocessorText.Address(i, w, scale: 4));
    };

    /// <summary>LFM/SFM in the MCRR/MRRC space.</summary>
    public static TextForm MultipleAsTransfer64(string name) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Tab().Char('f').Decimal(i.Rt & 7).Comma().Decimal(Count(true, i.Rt >> 3)).Comma();
        UnindexedAddress(i, w);
    };

    // ---- Maverick ----

    private static readonly string[] Banks = ["mvfx", "mvdx", "mvax", "mvf", "mvd", "r"];

    /// <summary>
    /// A Maverick instruction: the mnemonic and operands from a spec of space-separated tokens, each a
    /// register bank (mvf, mvd, mvfx, mvdx, mvax, or r for a core register) followed by the field
    /// letter holding its number (d, n, m, t, q), or a name printed as it is.
    /// </summary>
    public static TextForm MaverickForm(string name, string operands)
    {
        var tokens = operands.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Operand).ToArray();
        return (in Instruction i, AsmWriter w) =>
        {
            w.Mnemonic(name, i).Tab();
            for (int k = 0; k < tokens.Length; k++)
            {
                if (k > 0) w.Comma();
                var (bank, field) = tokens[k];
                if (field is not { } f) w.Text(bank);
                else if (bank == "r") w.Reg((int)i[f]);
                else w.Text(bank).Decimal(i[f]);
            }
        };
    }

    private static (string Bank, Field? Field) Operand(string token)
    {
        string? bank = Banks.FirstOrDefault(b => token.Length == b.Length + 1 && token.StartsWith(b, StringComparison.Ordinal));
        if (bank is null) return (token, null);
        var field = FieldLetters.FromLetter(token[^1]) ?? throw new ArgumentException($"unknown field letter in '{token}'");
        return (bank, field);
    }

    /// <summary>CFSH32/CFSH64: the shift is a signed 7-bit immediate, opc2:CRm.</summary>
    public static TextForm Shift(string name, string bank) => (in Instruction i, AsmWriter w) =>
    {
        int amount = (i.Opc2 << 4 | i.Rm) << 25 >> 25;
        w.Mnemonic(name, i).Tab().Text(bank).Decimal(i.Rd).Text(", ").Text(bank).Decimal(i.Rn).Text(", #").Decimal(amount);
    };

    /// <summary>CFLDR*/CFSTR* in the LDC/STC space.</summary>
    public static TextForm MaverickLoadStore(string name, string bank) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Tab().Text(bank).Decimal(i.Rd).Comma();
        Comment(w, CoprocessorText.Address(i, w, scale: 4));
    };

    /// <summary>CFLDR*/CFSTR* in the MCRR/MRRC space.</summary>
    public static TextForm MaverickLoadStoreAsTransfer64(string name, string bank) => (in Instruction i, AsmWriter w) =>
    {
        w.Mnemonic(name, i).Tab().Text(bank).Decimal(i.Rt).Comma();
        UnindexedAddress(i, w);
    };

    // ---- XScale DSP ----

    /// <summary>MIA, MIAPH: acc0, Rm (the CRm field), Rt.</summary>
    public static TextForm Accumulate(string name) => (in Instruction i, AsmWriter w) =>
        w.Mnemonic(name, i).Text("\tacc0, ").Reg(i.Rm).Comma().Reg(i.Rt);

    /// <summary>MIAxy: the halves chosen by the low bits of CRn, as capital letters.</summary>
    public static void AccumulateHalves(in Instruction i, AsmWriter w) =>
        w.Text("mia").Char((i.Rn & 2) != 0 ? 'T' : 'B').Char((i.Rn & 1) != 0 ? 'T' : 'B').Cond(i)
            .Text("\tacc0, ").Reg(i.Rm).Comma().Reg(i.Rt);

    public static void Mar(in Instruction i, AsmWriter w) => w.Mnemonic("mar", i).Text("\tacc0, ").Reg(i.Rt).Comma().Reg(i.Rt2);

    public static void Mra(in Instruction i, AsmWriter w) => w.Mnemonic("mra", i).Tab().Reg(i.Rt).Comma().Reg(i.Rt2).Text(", acc0");

    // ---- shared ----

    private static void Comment(AsmWriter w, long offset)
    {
        if (offset > 32 || offset < -16) w.Text("\t@ 0x").Text(((uint)offset).ToString("x", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The addressing mode GNU reads in an MCRR/MRRC word: P, U and W are clear, so it is unindexed,
    /// with Rt2 the base and opc1:CRm the option.
    /// </summary>
    private static void UnindexedAddress(in Instruction i, AsmWriter w)
    {
        int option = i.Opc1 << 4 | i.Rm;
        w.Char('[').Reg(i.Rt2).Text("], {").Text(option == 0 ? "-0" : option.ToString(CultureInfo.InvariantCulture)).Char('}');
        Comment(w, option);
    }
}
