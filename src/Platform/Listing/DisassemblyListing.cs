using System.Globalization;
using Translator.Platform.Loaders;

namespace Translator.Platform.Listing;

/// <summary>
/// Writes a listing in the layout of <c>objdump -d</c>: a file header, one block per code section,
/// a label line for each symbol, and one line per instruction
/// (<c>   addr:\tencoding \tmnemonic\toperands\t@ comment</c>). In an ELF file the mapping symbols
/// ($a, $t, $d) say what each byte is; where none precedes it, a Thumb function symbol (bit 0 of
/// its value set) makes its code Thumb, as objdump reads them.
/// </summary>
public sealed class DisassemblyListing(TextWriter output)
{
    private const int SymbolTypeFunction = 2;

    private readonly SectionLines _lines = new(output);

    /// <summary>
    /// A raw binary loaded at <paramref name="baseAddress"/>, as <c>objdump -D -b binary -marm</c>
    /// shows it, with <c>-M force-thumb</c> when <paramref name="thumb"/>.
    /// </summary>
    public void WriteRaw(string fileName, ReadOnlySpan<byte> data, uint baseAddress, uint? start, uint? length, bool thumb = false)
    {
        output.WriteLine();
        output.WriteLine($"{fileName}:     file format binary");
        output.WriteLine();
        output.WriteLine();
        output.WriteLine("Disassembly of section .data:");
        output.WriteLine();
        _lines.AddressText = null;
        uint end = baseAddress + (uint)data.Length;
        var (from, to) = Window(baseAddress, end, start, length);
        output.WriteLine($"{from:x8} <.data{(from == baseAddress ? "" : "+0x" + (from - baseAddress).ToString("x", CultureInfo.InvariantCulture))}>:");
        var kind = thumb ? CodeKind.Thumb : CodeKind.Arm;
        _lines.Write(new ListingRegion(data.ToArray(), baseAddress, _ => kind, _ => end, a => a == baseAddress), from, to, AddressWidth(end));
    }

    /// <summary>The code sections of an ELF file, with its symbols, as <c>objdump -d</c> shows them.</summary>
    public void WriteElf(string fileName, ElfImage elf, uint? start, uint? length)
    {
        output.WriteLine();
        output.WriteLine($"{fileName}:     file format elf32-littlearm");
        output.WriteLine();
        var labels = elf.Symbols
            .Where(s => s.Name.Length > 0 && !IsMappingSymbol(s.Name) && s.Type is 0 or 1 or 2 && s.SectionIndex is > 0 and < 0xFF00)
            .Select(s => (Symbol: s with { Value = IsThumbFunction(s) ? s.Value & ~1u : s.Value }, Thumb: IsThumbFunction(s)))
            .OrderBy(s => s.Symbol.Value).ThenBy(s => s.Symbol.Binding == 0 ? 1 : 0).ThenBy(s => s.Symbol.Name, StringComparer.Ordinal)
            .ToArray();
        var symbols = labels.Select(l => l.Symbol).ToArray();
        _lines.AddressText = address => Symbolize(symbols, address);

        for (int index = 0; index < elf.Sections.Count; index++)
        {
            var section = elf.Sections[index];
            if (!section.IsCode || section.Size == 0) continue;
            uint end = section.Address + section.Size;
            var (from, to) = Window(section.Address, end, start, length);
            if (from >= to) continue;
            output.WriteLine();
            output.WriteLine($"Disassembly of section {section.Name}:");

            var mapping = elf.Symbols.Where(s => s.SectionIndex == index && IsMappingSymbol(s.Name))
                .OrderBy(s => s.Value).Select(s => (s.Value, Kind: s.Name[1])).ToArray();
            var own = labels.Where(l => l.Symbol.SectionIndex == index).ToArray();
            var sectionLabels = own.GroupBy(l => l.Symbol.Value).ToDictionary(g => g.Key, g => g.First().Symbol.Name);
            // Any symbol, a mapping symbol too, ends a run of data.
            var starts = own.Select(l => l.Symbol.Value).Concat(mapping.Select(m => m.Value)).Append(end).Distinct().Order().ToArray();
            var region = new ListingRegion(elf.Contents(section).ToArray(), section.Address,
                a => KindAt(mapping, own, a), a => Array.Find(starts, x => x > a), a => a == section.Address || sectionLabels.ContainsKey(a));
            if (!sectionLabels.ContainsKey(from))
            {
                var before = own.Select(l => l.Symbol).LastOrDefault(s => s.Value <= from);
                sectionLabels[from] = before is null
                    ? section.Name + (from == section.Address ? "" : $"+0x{from - section.Address:x}")
                    : before.Name + (from == before.Value ? "" : $"+0x{from - before.Value:x}");
            }

            int width = AddressWidth(end);
            uint run = from;
            foreach (var address in sectionLabels.Keys.Where(a => a >= from && a < to).Append(to).Distinct().Order())
            {
                if (address > run) _lines.Write(region, run, address, width);
                if (address < to)
                {
                    output.WriteLine();
                    output.WriteLine($"{address:x8} <{sectionLabels[address]}>:");
                }
                run = address;
            }
        }
    }

    /// <summary>A function symbol whose value has bit 0 set marks Thumb code; the code starts at the even address.</summary>
    private static bool IsThumbFunction(ElfImage.Symbol s) => s.Type == SymbolTypeFunction && (s.Value & 1) != 0;

    /// <summary>
    /// What the byte at <paramref name="address"/> is, by the section's last mapping symbol at or
    /// before it; with none, by the symbol it belongs to: Thumb for a Thumb function, else ARM.
    /// </summary>
    private static CodeKind KindAt((uint Value, char Kind)[] mapping, (ElfImage.Symbol Symbol, bool Thumb)[] labels, uint address)
    {
        char kind = '\0';
        foreach (var (value, k) in mapping)
        {
            if (value > address) break;
            kind = k;
        }
        return kind switch
        {
            't' => CodeKind.Thumb,
            'd' => CodeKind.Data,
            'a' => CodeKind.Arm,
            _ => labels.LastOrDefault(l => l.Symbol.Value <= address).Thumb ? CodeKind.Thumb : CodeKind.Arm,
        };
    }

    private static (uint From, uint To) Window(uint begin, uint end, uint? start, uint? length)
    {
        uint from = Math.Max(begin, start ?? begin);
        uint to = length is { } n ? (uint)Math.Min(end, (ulong)from + n) : end;
        return (from, Math.Max(from, to));
    }

    private static bool IsMappingSymbol(string name) =>
        name.Length >= 2 && name[0] == '$' && name[1] is 'a' or 'd' or 't' && (name.Length == 2 || name[2] == '.');

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
}
