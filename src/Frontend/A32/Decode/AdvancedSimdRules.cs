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
    public static Rule OddRegister(string letters)
    {
        var readers = letters.Select(Register).ToArray();
        return (in Instruction i) =>
        {
            foreach (var read in readers) if ((read(i) & 1) != 0) return Reason.RegisterPair;
            return Reason.None;
        };
    }

    /// <summary>With Q set, every named operand is a quadword: an odd register number is UNDEFINED.</summary>
    public static Rule QuadOddRegister(string letters)
    {
        var odd = OddRegister(letters);
        return (in Instruction i) => i.Flag('Q') ? odd(i) : Reason.None;
    }

    public static Rule SizeIs(params int[] sizes) =>
        (in Instruction i) => sizes.Contains(i.ElementSize) ? Reason.FieldValue : Reason.None;

    /// <summary>The pairwise operations work on doublewords only.</summary>
    public static readonly Rule Quad = (in Instruction i) => i.Flag('Q') ? Reason.FieldValue : Reason.None;

    /// <summary>The U bit set where the encoding has no unsigned form.</summary>
    public static readonly Rule Unsigned = (in Instruction i) => i.Flag('U') ? Reason.FieldValue : Reason.None;

    /// <summary>For words GNU tools print although every value of their fields is UNDEFINED.</summary>
    public static readonly Rule Always = (in Instruction _) => Reason.FieldValue;

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

    private static Func<Instruction, int> Register(char letter) => letter switch
    {
        'd' => i => VfpRegisters.Dd(i),
        'n' => i => VfpRegisters.Dn(i),
        'm' => i => VfpRegisters.Dm(i),
        _ => throw new ArgumentException($"no Advanced SIMD register letter '{letter}'"),
    };
}
