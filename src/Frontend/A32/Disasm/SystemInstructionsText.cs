using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the SystemInstructions family's encodings.</summary>
internal static class SystemInstructionsText
{
}
