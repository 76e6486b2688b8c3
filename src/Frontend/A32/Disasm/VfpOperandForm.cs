using System.Globalization;
using Translator.Frontend.Decoding;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Disasm;

/// <summary>
/// Operands shared by the VFP text forms, in GNU's syntax: S and D registers, the precision
/// suffix, the 8-bit floating-point immediate with its comment, and the register lists.
/// </summary>
internal static class VfpOperandForm
{
    /// <summary>Bits 9:8 of a floating-point encoding: 1 half, 2 single, 3 double precision.</summary>
    public static int Size(in Instruction i) => (int)((i.Word >> 8) & 3);

    public static bool IsDouble(in Instruction i) => Size(i) == 3;

    public static string Type(in Instruction i) => Size(i) switch { 1 => ".f16", 2 => ".f32", _ => ".f64" };

    public static AsmWriter S(this AsmWriter w, int n) => w.Char('s').Decimal(n);
    public static AsmWriter D(this AsmWriter w, int n) => w.Char('d').Decimal(n);

    /// <summary>Vd, Vn, Vm as S or D registers by the encoding's precision.</summary>
    public static AsmWriter Vd(this AsmWriter w, in Instruction i) => IsDouble(i) ? w.D(Dd(i)) : w.S(Sd(i));
    public static AsmWriter Vn(this AsmWriter w, in Instruction i) => IsDouble(i) ? w.D(Dn(i)) : w.S(Sn(i));
    public static AsmWriter Vm(this AsmWriter w, in Instruction i) => IsDouble(i) ? w.D(Dm(i)) : w.S(Sm(i));

    /// <summary>
    /// GNU marks a half-precision (coprocessor 9) instruction that has a condition other than AL
    /// (any condition of a Thumb IT block): ARMv8.2 makes it CONSTRAINED UNPREDICTABLE.
    /// </summary>
    public static void MarkConditionalHalf(in Instruction i, AsmWriter w)
    {
        if (Size(i) == 1 && (i.Cond < Condition.Always || i.InItBlock)) w.Unpredictable();
    }

    /// <summary>
    /// VFPExpandImm's value of an 8-bit immediate, as GNU prints it: the raw byte in decimal, then a
    /// comment with the single-precision bit pattern and the value in decimal (1, 3 or 7 digits
    /// after the point, the fewest that are exact).
    /// </summary>
    public static AsmWriter FloatImmediate(this AsmWriter w, uint imm8)
    {
        uint bits = (imm8 & 0x80) << 24 | (imm8 & 0x3F) << 19 | ((imm8 & 0x40) != 0 ? 0xF8u << 22 : 1u << 30);
        int exponent = (int)((bits >> 23) & 0xFF);
        // Exact in units of 1e-7: the value is (16 + fraction) / 16 * 2^(exponent - 127), at least 0.125.
        uint scaled = (78125u << (exponent - 124)) * (16 + (imm8 & 0xF));
        char sign = (imm8 & 0x80) != 0 ? '-' : ' ';
        string fraction = scaled % 1_000_000 == 0 ? (scaled % 10_000_000 / 1_000_000).ToString(CultureInfo.InvariantCulture)
            : scaled % 10_000 == 0 ? (scaled % 10_000_000 / 10_000).ToString("D3", CultureInfo.InvariantCulture)
            : (scaled % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        return w.Char('#').Decimal(imm8)
            .Text("\t@ 0x").Text(bits.ToString("x8", CultureInfo.InvariantCulture))
            .Char(' ').Char(sign).Decimal(scaled / 10_000_000).Char('.').Text(fraction);
    }

    /// <summary>
    /// A list of <paramref name="count"/> double registers from <paramref name="first"/>, as GNU
    /// prints VLDM/VSTM lists: a count of 0 shows as a list that ends before it starts, and one
    /// that runs past D31 as an overflow.
    /// </summary>
    public static AsmWriter DoubleList(this AsmWriter w, int first, int count)
    {
        w.Char('{').D(first);
        if (count != 1)
        {
            if (first + count > 32) w.Text("-<overflow reg d").Decimal(first + count - 1).Char('>');
            else w.Char('-').D(first + count - 1);
        }
        return w.Char('}');
    }

    /// <summary>
    /// A list of single registers (or, for FLDMX/FSTMX, double registers) as GNU prints it: no
    /// range check, and a count of 0 shows the register before the first as the last.
    /// </summary>
    public static AsmWriter PlainList(this AsmWriter w, char bank, int first, int count)
    {
        w.Char('{').Char(bank).Decimal(first);
        if (count != 1) w.Char('-').Char(bank).Decimal(first + count - 1);
        return w.Char('}');
    }
}
