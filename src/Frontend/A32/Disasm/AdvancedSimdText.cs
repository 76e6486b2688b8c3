using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>Text for Advanced SIMD words, which this stage recognises but does not decode in full.</summary>
internal static class AdvancedSimdText
{
    public static void Recognised(in Instruction i, AsmWriter w) =>
        w.Comment("<Advanced SIMD> instruction: 0x" + i.Word.ToString("x8", CultureInfo.InvariantCulture));
}
