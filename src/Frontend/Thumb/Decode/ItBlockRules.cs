using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>The ARM ARM's rules on where in an IT block an instruction may be.</summary>
internal static class ItBlockRules
{
    /// <summary>Not permitted in an IT block at all (CBZ, IT, CPS, SETEND, B&lt;c&gt;, MOVS of low registers).</summary>
    public static readonly Rule Outside = Rules.If(Reason.ItBlock, WordTest.InItBlock());

    /// <summary>A branch: in an IT block only as its last instruction.</summary>
    public static readonly Rule LastIfInside = Rules.If(Reason.ItBlock, WordTest.InItBlock() & WordTest.LastInItBlock(false));

    /// <summary>A write to PC (Rd = PC) is a branch: in an IT block only as its last instruction.</summary>
    public static readonly Rule PcWriteLastIfInside =
        Rules.If(Reason.ItBlock, WordTest.Field('d', 15) & WordTest.InItBlock() & WordTest.LastInItBlock(false));
}
