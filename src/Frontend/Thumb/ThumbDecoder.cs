using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb;

/// <summary>
/// Decodes Thumb instructions: a first halfword of 0b11101, 0b11110 or 0b11111 starts a 32-bit
/// instruction (decoded as hw1:hw2 against the T32 table), any other is a 16-bit one. Inside an IT
/// block an instruction takes the block's condition, and the decoder's rules see its position.
/// </summary>
public sealed class ThumbDecoder(InstructionDecoder t16, InstructionDecoder t32)
{
    public InstructionDecoder T16 { get; } = t16;
    public InstructionDecoder T32 { get; } = t32;

    /// <summary>Whether <paramref name="hw1"/> is the first halfword of a 32-bit instruction.</summary>
    public static bool IsWide(uint hw1) => (hw1 & 0xF800) >= 0xE800;

    /// <param name="hw2">The following halfword; read only when <paramref name="hw1"/> starts a 32-bit instruction.</param>
    public Instruction Decode(uint hw1, uint hw2, ItState it)
    {
        bool wide = IsWide(hw1);
        uint word = wide ? hw1 << 16 | (hw2 & 0xFFFF) : hw1 & 0xFFFF;
        var decoder = wide ? T32 : T16;
        return decoder.Decode(word, it.InBlock, it.Condition, it.Last);
    }

    /// <summary>Decodes an instruction held as one number: a halfword, or hw1:hw2 for a 32-bit one (hw1 is never below 0xE800).</summary>
    public Instruction Decode(uint instruction, ItState it) =>
        instruction > 0xFFFF ? Decode(instruction >> 16, instruction & 0xFFFF, it) : Decode(instruction, 0, it);

    /// <summary>
    /// The IT state after <paramref name="insn"/>, which ran in <paramref name="it"/>: an IT
    /// instruction starts a block, every other instruction advances it.
    /// </summary>
    public static ItState Next(in Instruction insn, ItState it) =>
        insn.Op == Op.It && !insn.IsUndefined ? ItState.Of(insn.Word >> 4 & 0xF, insn.Word & 0xF) : it.Advance();
}
