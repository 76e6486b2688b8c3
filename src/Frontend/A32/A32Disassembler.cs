using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32;

/// <summary>A32 text in GNU objdump's syntax, from a decoded instruction.</summary>
public sealed class A32Disassembler
{
    private readonly AsmWriter _w = new();
    private readonly InstructionDecoder _decoder;

    public A32Disassembler(InstructionDecoder? decoder = null) => _decoder = decoder ?? A32Table.CortexA15;

    /// <inheritdoc cref="AsmWriter.AddressText"/>
    public Func<uint, string>? AddressText { get => _w.AddressText; set => _w.AddressText = value; }

    /// <summary>The text objdump prints after the encoding: mnemonic, tab, operands, comment.</summary>
    public string Format(in Instruction insn, uint address)
    {
        _w.Reset(address, 8);
        if (insn.Encoding is null) _w.UndefinedWord(insn.Word);
        else insn.Encoding.Text(insn, _w);
        return _w.ToString();
    }

    public string Disassemble(uint word, uint address) => Format(_decoder.Decode(word), address);
}
