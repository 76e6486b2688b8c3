using System.Buffers.Binary;
using System.Globalization;
using Translator.Frontend.A32;
using Translator.Platform.Loaders;

namespace Translator.Platform.Listing;

/// <summary>
/// Writes a listing in the layout of <c>objdump -d</c>: a file header, one block per code section,
/// a label line for each symbol, and one line per instruction
/// (<c>   addr:\tencoding \tmnemonic\toperands\t@ comment</c>).
/// </summary>
public sealed class DisassemblyListing(TextWriter output)
{
    private readonly A32Disassembler _a32 = new();

    /// <summary>A raw binary loaded at <paramref name="baseAddress"/>, as <c>objdump -D -b binary -marm</c> shows it.</summary>
    public void WriteRaw(string fileName, ReadOnlySpan<byte> data, uint baseAddress, uint? start, uint? length)
    {
        output.WriteLine();
        output.WriteLine($"{fileName}:     file format binary");
        output.WriteLine();
        output.WriteLine();
        output.WriteLine("Disassembly of section .data:");
        output.WriteLine();
        _a32.AddressText = null;
        uint end = baseAddress + (uint)data.Length;
        var (from, to) = Window(baseAddress, end, start, length);
        output.WriteLine($"{from:x8} <.data{(from == baseAddress ? "" : "+0x" + (from - baseAddress).ToString("x", CultureInfo.InvariantCulture))}>:");
        WriteWords(data, baseAddress, from, to, AddressWidth(end), _ => false);
    }

    /// <summary>The code sections of an ELF file, with its symbols, as <c>objdump -d</c> shows them.</summary>
    public void WriteElf(string fileName, ElfImage elf, uint? start, uint? length)
    {
        output.WriteLine();
        output.WriteLine($"{fileName}:     file format elf32-littlearm");
        output.WriteLine();
        var labels = elf.Symbols
            .Where(s => s.Name.Length > 0 && !IsMappingSymbol(s.Name) && s.Type is 0 or 1 or 2 && s.SectionIndex is > 0 and < 0xFF00)
            .OrderBy(s => s.Value).ThenBy(s => s.Binding == 0 ? 1 : 0).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
        _a32.AddressText = address => Symbolize(labels, address);

        for (int index = 0; index < elf.Sections.Count; index++)
        {
            var section = elf.Sections[index];
            if (!section.IsCode || section.Size == 0) continue;
            uint end = section.Address + section.Size;
            var (from, to) = Window(section.Address, end, start, length);
            if (from >= to) continue;
            output.WriteLine();
            output.WriteLine($"Disassembly of section {section.Name}:");

            var data = elf.Contents(section);
            var mapping = elf.Symbols.Where(s => s.SectionIndex == index && IsMappingSymbol(s.Name))
                .OrderBy(s => s.Value).Select(s => (s.Value, Kind: s.Name[1])).ToArray();
            var sectionLabels = labels.Where(s => s.SectionIndex == index).GroupBy(s => s.Value)
                .ToDictionary(g => g.Key, g => g.First().Name);
            if (!sectionLabels.ContainsKey(from))
            {
                var before = labels.LastOrDefault(s => s.SectionIndex == index && s.Value <= from);
                sectionLabels[from] = before is null
                    ? section.Name + (from == section.Address ? "" : $"+0x{from - section.Address:x}")
                    : before.Name + (from == before.Value ? "" : $"+0x{from - before.Value:x}");
            }

            int width = AddressWidth(end);
            uint run = from;
            foreach (var address in sectionLabels.Keys.Where(a => a >= from && a < to).Append(to).Distinct().Order())
            {
                if (address > run) WriteWords(data, section.Address, run, address, width, a => IsData(mapping, a));
                if (address < to)
                {
                    output.WriteLine();
                    output.WriteLine($"{address:x8} <{sectionLabels[address]}>:");
                }
                run = address;
            }
        }
    }

    private void WriteWords(ReadOnlySpan<byte> data, uint baseAddress, uint from, uint to, int width, Func<uint, bool> isData)
    {
        for (uint address = from; address < to; address += 4)
        {
            int offset = (int)(address - baseAddress);
            string pad = FormatAddress(address, width);
            if (offset + 4 > data.Length)
            {
                // A trailing fragment shorter than a word is shown byte by byte, as objdump does.
                var bytes = string.Concat(data[offset..].ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
                output.WriteLine($"{pad}:\t{bytes}");
                break;
            }
            uint word = BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
            string text = isData(address) ? $".word\t0x{word:x8}" : _a32.Disassemble(word, address);
            output.WriteLine($"{pad}:\t{word:x8} \t{text}");
        }
    }

    private static (uint From, uint To) Window(uint begin, uint end, uint? start, uint? length)
    {
        uint from = Math.Max(begin, start ?? begin);
        uint to = length is { } n ? (uint)Math.Min(end, (ulong)from + n) : end;
        return (from, Math.Max(from, to));
    }

    private static bool IsMappingSymbol(string name) =>
        name.Length >= 2 && name[0] == '$' && name[1] is 'a' or 'd' or 't' && (name.Length == 2 || name[2] == '.');

    private static bool IsData((uint Value, char Kind)[] mapping, uint address)
    {
        char kind = 'a';
        foreach (var (value, k) in mapping)
        {
            if (value > address) break;
            kind = k;
        }
        return kind == 'd';
    }

    private static string Symbolize(ElfImage.Symbol[] labels, uint address)
    {
        ElfImage.Symbol? best = null;
        foreach (var s in labels)
        {
            if (s.Value > address) break;
            if (best is null || s.Value != best.Value) best = s;
        }
        if (best is null) return address.ToString("x", CultureInfo.InvariantCulture);
        uint delta = address - best.Value;
        return delta == 0 ? $"{address:x} <{best.Name}>" : $"{address:x} <{best.Name}+0x{delta:x}>";
    }

    /// <summary>objdump drops leading zero digits common to every address of the section, four at a time.</summary>
    private static int AddressWidth(uint end)
    {
        string full = end.ToString("x8", CultureInfo.InvariantCulture);
        int zeros = full.TakeWhile(c => c == '0').Count();
        int skip = zeros > 0 ? (zeros - 1) & ~3 : 0;
        return 8 - skip;
    }

    private static string FormatAddress(uint address, int width)
    {
        string digits = address.ToString("x8", CultureInfo.InvariantCulture)[(8 - width)..];
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        return new string(' ', lead) + digits[lead..];
    }
}
