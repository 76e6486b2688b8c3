using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>UNPREDICTABLE rules the T32 encodings share: the ARM ARM's BadReg, and branches inside IT blocks.</summary>
internal static class T32Rules
{
    /// <summary>BadReg(): any of the register fields named is SP or PC.</summary>
    public static Rule BadReg(string letters) =>
        Rules.FirstOf([.. letters.SelectMany(c => new[] { Rules.PcIs(c), Rules.If(Reason.SpOperand, WordTest.Field(c, 13)) })]);

    /// <summary>An instruction that branches (or may, as a load to PC does) inside an IT block, but not as its last instruction.</summary>
    public static readonly Rule BranchNotLastInItBlock = ItBlockRules.LastIfInside;

    /// <summary>An instruction the ARM ARM does not allow inside an IT block at all.</summary>
    public static readonly Rule InItBlock = ItBlockRules.Outside;

    /// <summary>Words of the encoding's pattern that the ARM ARM leaves unallocated (UNDEFINED) but GNU still prints.</summary>
    public static readonly Rule Unallocated = Rules.If(Reason.NoEncoding, WordTest.Bits(0, 0));
}
