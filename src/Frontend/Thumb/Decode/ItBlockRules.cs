using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>The ARM ARM's rules on where in an IT block an instruction may be.</summary>
internal static class ItBlockRules
{
    /// <summary>Not permitted in an IT block at all (CBZ, IT, CPS, SETEND, B&lt;c&gt;, MOVS of low registers).</summary>
    public static readonly Rule Outside = (in Instruction i) => i.InItBlock ? Reason.ItBlock : Reason.None;

    /// <summary>A branch: in an IT block only as its last instruction.</summary>
    public static readonly Rule LastIfInside = (in Instruction i) => i.InItBlock && !i.LastInItBlock ? Reason.ItBlock : Reason.None;

    /// <summary>A write to PC (Rd = PC) is a branch: in an IT block only as its last instruction.</summary>
    public static readonly Rule PcWriteLastIfInside = (in Instruction i) =>
        i.Rd == 15 && i.InItBlock && !i.LastInItBlock ? Reason.ItBlock : Reason.None;
}
