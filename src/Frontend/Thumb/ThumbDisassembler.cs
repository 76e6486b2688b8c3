using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb;

/// <summary>
/// Thumb text in GNU objdump's syntax. Disassembling a stream follows the IT state from one
/// instruction to the next, as objdump does, so that instructions inside an IT block show the
/// block's conditions.
/// </summary>
public sealed class ThumbDisassembler
{
    private readonly AsmWriter _w = new();
    private readonly ThumbDecoder _decoder;

    public ThumbDisassembler(ThumbDecoder? decoder = null) => _decoder = decoder ?? ThumbTable.CortexA15;

    /// <inheritdoc cref="AsmWriter.AddressText"/>
    public Func<uint, string>? AddressText { get => _w.AddressText; set => _w.AddressText = value; }

    /// <summary>The IT state the next instruction of the stream is decoded in.</summary>
    public ItState It { get; set; }

    // The IT state the instruction Next returned last was decoded in: its block's condition, which GNU
    // names even for a branch with a condition of its own.
    private ItState _decodedIn;

    /// <summary>
    /// The text objdump prints after the encoding: mnemonic, tab, operands, comment. For an
    /// instruction in an IT block, the block is the one <see cref="Next"/> last decoded in.
    /// </summary>
    public string Format(in Instruction insn, uint address)
    {
        _w.Reset(address, 4);
        _w.ItCondition = _decodedIn.Condition;
        if (insn.Encoding is null) _w.UndefinedThumb(insn);
        else insn.Encoding.Text(insn, _w);
        return _w.ToString();
    }

    /// <summary>Decodes the next instruction of the stream (hw2 is read only for a 32-bit one) and advances the IT state.</summary>
    public Instruction Next(uint hw1, uint hw2) => Advance(_decoder.Decode(hw1, hw2, It));

    /// <summary>The same for an instruction held as one number (see <see cref="ThumbDecoder.Decode(uint, ItState)"/>).</summary>
    public Instruction Next(uint instruction) => Advance(_decoder.Decode(instruction, It));

    private Instruction Advance(Instruction insn)
    {
        _decodedIn = It;
        It = ThumbDecoder.Next(insn, It);
        return insn;
    }

    /// <summary>The encoding column objdump prints: <c>4408</c> for 16 bits, <c>f8d0 1004</c> for 32.</summary>
    public static string EncodingText(in Instruction insn) =>
        insn.Size == 2 ? $"{insn.Word:x4}" : $"{insn.Word >> 16:x4} {insn.Word & 0xFFFF:x4}";
}
