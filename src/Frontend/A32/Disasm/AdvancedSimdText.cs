using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>
/// Placeholder text for the Advanced SIMD encodings: the table decodes them (operation, fields, class),
/// GNU-syntax operands are a later stage.
/// </summary>
internal static class AdvancedSimdText
{
    public static void Recognised(in Instruction i, AsmWriter w) =>
        w.Comment("<Advanced SIMD> instruction: 0x" + i.Word.ToString("x8", CultureInfo.InvariantCulture));
}
