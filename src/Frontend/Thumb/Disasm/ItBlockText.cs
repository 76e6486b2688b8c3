using System.Globalization;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>
/// The remarks GNU tools add to Thumb instructions that break the IT block rules, and the pieces of
/// text the Thumb families share.
/// </summary>
internal static class ItBlockText
{
    /// <summary>
    /// An instruction that may not be inside an IT block at all (CBZ, IT, CPS, SETEND, a conditional
    /// branch): GNU names the block's condition.
    /// </summary>
    public static AsmWriter NotAllowedInItBlock(this AsmWriter w, in Instruction i) =>
        i.InItBlock ? w.Text("\t@ unpredictable <IT:").Text(i.Cond.ItBlockSuffix()).Char('>') : w;

    /// <summary>A branch that may be in an IT block only as its last instruction.</summary>
    public static AsmWriter BranchNotLastInItBlock(this AsmWriter w, in Instruction i) =>
        i.InItBlock && !i.LastInItBlock ? w.Text("\t@ unpredictable branch in IT block\n") : w;

    /// <summary>
    /// The "s" of a 16-bit ALU instruction that sets the flags outside an IT block, or the block's
    /// condition inside one: <c>adds</c>, <c>addne</c>.
    /// </summary>
    public static AsmWriter FlagsOrCondition(this AsmWriter w, string name, in Instruction i) =>
        w.Text(name).Text(i.SetFlags ? "s" : "").Cond(i);

    /// <summary>The comment GNU adds after an immediate outside -16..32.</summary>
    public static AsmWriter ValueComment(this AsmWriter w, long value) =>
        value > 32 || value < -16 ? w.Text("\t@ 0x").Text(((uint)value).ToString("x", CultureInfo.InvariantCulture)) : w;

    /// <summary>The condition field of the one encoding that has its own (B&lt;c&gt;); inside an IT block the record's condition is the block's.</summary>
    public static Condition OwnCondition(in Instruction i) => (Condition)Bits.Gather(i.Word, i.Encoding!.Pattern.FieldMask(Field.Cond));
}
