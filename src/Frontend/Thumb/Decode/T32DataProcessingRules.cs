using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// The register rules of the T32 data-processing and multiply encodings. Most of their register
/// fields may be neither SP nor PC (the ARM ARM's BadReg); some allow SP, some allow PC as a
/// different encoding the table gives its own line.
/// </summary>
internal static class T32DataProcessingRules
{
    /// <summary>Any of the register fields named is SP or PC (PC is reported first).</summary>
    public static Rule[] NoSpOrPc(string letters) => [Rules.PcIn(letters), NoSp(letters)];

    /// <summary>Any of the register fields named is SP.</summary>
    public static Rule NoSp(string letters) => Rules.SpIn(letters);
}
