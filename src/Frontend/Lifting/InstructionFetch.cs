namespace Translator.Frontend.Lifting;

/// <summary>
/// Reads the instruction bits at an address (a word for A32, a halfword for Thumb) as the MMU lets
/// the block's privilege fetch them; returns 0, or the fault status (IFSR) of the prefetch abort the
/// fetch takes.
/// </summary>
public delegate uint InstructionFetch(uint address, out uint bits);
