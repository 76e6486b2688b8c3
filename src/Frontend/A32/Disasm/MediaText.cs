using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32.Disasm;

/// <summary>GNU-syntax text forms of the Media family's encodings.</summary>
internal static class MediaText
{
}
