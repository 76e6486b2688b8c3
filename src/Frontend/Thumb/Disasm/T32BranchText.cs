using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text of the T32 branches, and the IT-block warnings GNU appends to Thumb instructions.</summary>
internal static class T32BranchText
{
    /// <summary>
    /// GNU's %x: a branch inside an IT block that is not the block's last instruction. GNU ends the
    /// warning with a line break, leaving an empty line in its listing.
    /// </summary>
    public static void BranchInItBlock(in Instruction i, AsmWriter w)
    {
        if (i.InItBlock && !i.LastInItBlock) w.Text("\t@ unpredictable branch in IT block\n");
    }

    /// <summary>GNU's %X: an instruction that may not be in an IT block at all, with the block's condition.</summary>
    public static void NotAllowedInItBlock(in Instruction i, AsmWriter w)
    {
        if (i.InItBlock) w.Text("\t@ unpredictable <IT:").Text(w.ItCondition.ItBlockSuffix()).Char('>');
    }

    /// <summary>B&lt;c&gt;.W: the condition is the encoding's own; an IT block around it is UNPREDICTABLE.</summary>
    public static void Conditional(in Instruction i, AsmWriter w)
    {
        w.Text("b").Text(((Condition)((i.Word >> 22) & 0xF)).ItBlockSuffix()).Text(".w").Tab().Target(ThumbImmediates.BranchTarget(i, w.Address));
        NotAllowedInItBlock(i, w);
    }

    /// <summary>B.W, BL and BLX (immediate), conditional only through an IT block.</summary>
    public static void Unconditional(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op switch { Op.Bl => "bl", Op.Blx => "blx", _ => "b" }, i);
        if (i.Op == Op.B) w.Text(".w");
        w.Tab().Target(ThumbImmediates.BranchTarget(i, w.Address));
        BranchInItBlock(i, w);
    }
}
