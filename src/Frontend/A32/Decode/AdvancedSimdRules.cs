using Translator.Frontend.Decoding;
using static Translator.Frontend.A32.Disasm.AdvancedSimdText;

namespace Translator.Frontend.A32.Decode;

/// <summary>
/// The UNDEFINED rules the Advanced SIMD encodings share. Register fields hold D:Vd (letter d),
/// Vn:N (letter n) and M:Vm (letter m), as in the VFP families (see <see cref="VfpRegisters"/>);
/// the element size is letter e.
/// </summary>
internal static class AdvancedSimdRules
{
    /// <summary>A quadword operand is named by an even doubleword register; an odd one is UNDEFINED.</summary>
    public static Rule OddRegister(string letters) => Rules.If(Reason.RegisterPair, Odd(letters));

    /// <summary>With Q set, every named operand is a quadword: an odd register number is UNDEFINED.</summary>
    public static Rule QuadOddRegister(string letters) => Rules.If(Reason.RegisterPair, WordTest.Flag('Q') & Odd(letters));

    public static Rule SizeIs(params int[] sizes) =>
        Rules.If(Reason.FieldValue, sizes.Select(s => WordTest.Field('e', (uint)s)).Aggregate((a, b) => a | b));

    /// <summary>The pairwise operations work on doublewords only.</summary>
    public static readonly Rule Quad = Rules.If(Reason.FieldValue, WordTest.Flag('Q'));

    /// <summary>The U bit set where the encoding has no unsigned form.</summary>
    public static readonly Rule Unsigned = Rules.If(Reason.FieldValue, WordTest.Flag('U'));

    /// <summary>For words GNU tools print although every value of their fields is UNDEFINED.</summary>
    public static readonly Rule Always = Rules.If(Reason.FieldValue, WordTest.Bits(0, 0));

    /// <summary>
    /// Any of the named registers is odd: bit 0 of D:Vd and M:Vm, bit 1 of Vn:N (whose low bit is
    /// the register number's top bit, see <see cref="VfpRegisters"/>).
    /// </summary>
    private static WordTest Odd(string letters) => letters
        .Select(c => c is 'd' or 'm' ? WordTest.FieldBits(c, 1, 1) : c == 'n' ? WordTest.FieldBits(c, 2, 2)
            : throw new ArgumentException($"no Advanced SIMD register letter '{c}'"))
        .Aggregate((a, b) => a | b);

    /// <summary>One table line of the Advanced SIMD families, UNDEFINED under the given rules.</summary>
    public static Encoding Line(string name, Op op, string pattern, Feature feature, params Rule[] undefined) =>
        new Encoding(name, op, pattern, Recognised, feature).UndefinedWhen(undefined);

    public static Encoding Line(string name, Op op, string pattern, params Rule[] undefined) =>
        Line(name, op, pattern, Feature.Neon, undefined);

    /// <summary>A line UNDEFINED under some rules and UNPREDICTABLE under others.</summary>
    public static Encoding Line(string name, Op op, string pattern, Rule[] undefined, Rule[] unpredictable) =>
        new Encoding(name, op, pattern, Recognised, Feature.Neon, unpredictable).UndefinedWhen(undefined);

    /// <summary>UNPREDICTABLE when registers beyond D31 would be named: the first register (D:Vd) plus <paramref name="span"/>(insn) more than 32.</summary>
    public static Rule PastLastRegister(Func<Instruction, int> span) =>
        (in Instruction i) => VfpRegisters.Dd(i) + span(i) > 32 ? Reason.RegisterList : Reason.None;

    /// <summary>
    /// A floating-point line whose pattern has <c>Z</c> for the sz bit: single precision needs
    /// <paramref name="single"/>, half precision (sz set) is ARMv8.2.
    /// </summary>
    public static Encoding[] Float(string name, Op op, string pattern, Feature single, params Rule[] undefined) =>
    [
        Line(name, op, pattern.Replace('Z', '0'), single, undefined),
        Line(name + " (half precision)", op, pattern.Replace('Z', '1'), Feature.Fp16, undefined),
    ];

    public static Encoding[] Float(string name, Op op, string pattern, params Rule[] undefined) =>
        Float(name, op, pattern, Feature.Neon, undefined);
}
