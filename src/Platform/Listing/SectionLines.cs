using System.Buffers.Binary;
using System.Globalization;
using Translator.Frontend.A32;
using Translator.Frontend.Thumb;

namespace Translator.Platform.Listing;

/// <summary>
/// The instruction lines of a listing (<c>   addr:\tencoding \tmnemonic\toperands</c>): ARM words,
/// Thumb instructions (following the IT state from one to the next, as objdump does) and data.
/// </summary>
internal sealed class SectionLines(TextWriter output)
{
    private readonly A32Disassembler _a32 = new();
    private readonly ThumbDisassembler _thumb = new();

    /// <summary>The address after the last Thumb instruction listed: the next one there continues its IT state.</summary>
    private uint? _thumbNext;

    /// <summary>How code addresses are printed (see <see cref="Frontend.Decoding.AsmWriter.AddressText"/>).</summary>
    public Func<uint, string>? AddressText
    {
        set { _a32.AddressText = value; _thumb.AddressText = value; }
    }

    /// <param name="width">Digits of the address column.</param>
    public void Write(ListingRegion region, uint from, uint to, int width)
    {
        for (uint address = from; address < to;)
        {
            string pad = FormatAddress(address, width);
            switch (region.KindAt(address))
            {
                case CodeKind.Data:
                    address += WriteData(region, address, pad);
                    break;
                case CodeKind.Thumb:
                    if (WriteThumb(region, address, pad) is not { } size)
                    {
                        output.WriteLine($"{pad}:\tAddress 0x{address:x} is out of bounds.");
                        output.WriteLine();
                        return;
                    }
                    address += size;
                    break;
                default:
                    int offset = (int)(address - region.Address);
                    if (offset + 4 > region.Data.Length)
                    {
                        // A trailing fragment shorter than a word is shown byte by byte, as objdump does.
                        var bytes = string.Concat(region.Data[offset..].Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
                        output.WriteLine($"{pad}:\t{bytes}");
                        return;
                    }
                    uint word = BinaryPrimitives.ReadUInt32LittleEndian(region.Data.AsSpan(offset));
                    output.WriteLine($"{pad}:\t{word:x8} \t{_a32.Disassemble(word, address)}");
                    address += 4;
                    break;
            }
        }
    }

    /// <summary>One Thumb instruction, its encoding in halfwords; null when it runs past the end of the section.</summary>
    private uint? WriteThumb(ListingRegion region, uint address, string pad)
    {
        if (region.Halfword(address) is not { } hw1) return null;
        uint hw2 = 0;
        if (ThumbDecoder.IsWide(hw1))
        {
            if (region.Halfword(address + 2) is not { } second) return null;
            hw2 = second;
        }
        if (_thumbNext != address)
            _thumb.It = ItStateRecovery.Before(address, region.Halfword, region.Boundary, a => region.KindAt(a) == CodeKind.Thumb);
        var insn = _thumb.Next(hw1, hw2);
        output.WriteLine($"{pad}:\t{ThumbDisassembler.EncodingText(insn),-10}\t{_thumb.Format(insn, address)}");
        _thumbNext = address + insn.Size;
        return insn.Size;
    }

    /// <summary>
    /// Data as objdump shows it: up to the next word boundary, stopping at the next symbol; a
    /// three-byte stretch is shown as a byte or a halfword first.
    /// </summary>
    private uint WriteData(ListingRegion region, uint address, string pad)
    {
        int offset = (int)(address - region.Address);
        uint size = Math.Min(4 - (address & 3), Math.Min(region.NextSymbol(address) - address, (uint)(region.Data.Length - offset)));
        if (size == 3) size = (address & 1) != 0 ? 1u : 2u;
        uint value = 0;
        for (int k = (int)size - 1; k >= 0; k--) value = value << 8 | region.Data[offset + k];
        var (directive, digits) = size switch { 4 => (".word", 8), 2 => (".short", 4), _ => (".byte", 2) };
        string hex = value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // objdump pads the encoding column to a word's worth of chunks of this size.
        int column = (int)(4 / size * (2 * size + 1));
        output.WriteLine($"{pad}:\t{(hex + " ").PadRight(column)}\t{directive}\t0x{hex}");
        return size;
    }

    private static string FormatAddress(uint address, int width)
    {
        string digits = address.ToString("x8", CultureInfo.InvariantCulture)[(8 - width)..];
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        return new string(' ', lead) + digits[lead..];
    }
}
