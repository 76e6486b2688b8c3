using System.Buffers.Binary;
using System.Text;

namespace Translator.Platform.Loaders;

/// <summary>
/// A 32-bit little-endian ARM ELF file: its sections, program headers and symbols. Every offset and
/// size is checked against the file, so a truncated or malformed file gives a one-line
/// <see cref="ImageFormatException"/>, never an index error.
/// </summary>
public sealed class ElfImage
{
    public const ushort MachineArm = 40;
    public const uint SectionFlagAlloc = 0x2;
    public const uint SectionFlagExecute = 0x4;
    public const uint SectionTypeProgBits = 1;
    public const uint SectionTypeSymTab = 2;
    public const uint SectionTypeNoBits = 8;
    public const uint SegmentTypeLoad = 1;

    public sealed record Section(string Name, uint Type, uint Flags, uint Address, uint Offset, uint Size, uint Link, uint EntrySize)
    {
        public bool IsCode => (Flags & SectionFlagExecute) != 0 && Type == SectionTypeProgBits;
    }

    public sealed record Segment(uint Type, uint Offset, uint VirtualAddress, uint PhysicalAddress, uint FileSize, uint MemorySize, uint Flags);

    public sealed record Symbol(string Name, uint Value, uint Size, byte Info, ushort SectionIndex)
    {
        public int Type => Info & 0xF;
        public int Binding => Info >> 4;
    }

    public byte[] Data { get; }
    public uint Entry { get; }
    public ushort Type { get; }
    public IReadOnlyList<Section> Sections { get; }
    public IReadOnlyList<Segment> Segments { get; }
    public IReadOnlyList<Symbol> Symbols { get; }

    public static bool HasElfMagic(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && data[0] == 0x7F && data[1] == (byte)'E' && data[2] == (byte)'L' && data[3] == (byte)'F';

    public ElfImage(byte[] data)
    {
        Data = data;
        if (!HasElfMagic(data)) throw new ImageFormatException("not an ELF file");
        if (data.Length < 52) throw new ImageFormatException($"truncated ELF header ({data.Length} bytes, 52 needed)");
        if (data[4] != 1) throw new ImageFormatException("not a 32-bit ELF file (ARM guests are ELF32)");
        if (data[5] != 1) throw new ImageFormatException("not a little-endian ELF file");
        var span = data.AsSpan();
        Type = U16(span, 16);
        ushort machine = U16(span, 18);
        if (machine != MachineArm) throw new ImageFormatException($"ELF machine {machine} is not ARM ({MachineArm})");
        Entry = U32(span, 24);
        uint phoff = U32(span, 28), shoff = U32(span, 32);
        ushort phentsize = U16(span, 42), phnum = U16(span, 44), shentsize = U16(span, 46), shnum = U16(span, 48), shstrndx = U16(span, 50);

        var segments = new List<Segment>();
        if (phnum > 0)
        {
            if (phentsize < 32) throw new ImageFormatException($"program header entry size {phentsize} is too small");
            CheckRange(phoff, (ulong)phentsize * phnum, "program header table");
            for (int k = 0; k < phnum; k++)
            {
                var h = span.Slice((int)phoff + k * phentsize, 32);
                var seg = new Segment(U32(h, 0), U32(h, 4), U32(h, 8), U32(h, 12), U32(h, 16), U32(h, 20), U32(h, 24));
                if (seg.Type == SegmentTypeLoad)
                {
                    CheckRange(seg.Offset, seg.FileSize, $"segment {k}");
                    if (seg.FileSize > seg.MemorySize) throw new ImageFormatException($"segment {k} has a file size larger than its memory size");
                }
                segments.Add(seg);
            }
        }
        Segments = segments;

        var raw = new List<(uint Name, Section S)>();
        if (shnum > 0 && shoff != 0)
        {
            if (shentsize < 40) throw new ImageFormatException($"section header entry size {shentsize} is too small");
            CheckRange(shoff, (ulong)shentsize * shnum, "section header table");
            for (int k = 0; k < shnum; k++)
            {
                var h = span.Slice((int)shoff + k * shentsize, 40);
                var s = new Section("", U32(h, 4), U32(h, 8), U32(h, 12), U32(h, 16), U32(h, 20), U32(h, 24), U32(h, 36));
                if (s.Type != SectionTypeNoBits && s.Type != 0) CheckRange(s.Offset, s.Size, $"section {k}");
                raw.Add((U32(h, 0), s));
            }
            if (shstrndx >= raw.Count) throw new ImageFormatException($"section name table index {shstrndx} is out of range");
        }
        var names = raw.Count > 0 ? raw[shstrndx].S : null;
        Sections = raw.Select(r => r.S with { Name = names is null ? "" : ReadString(names, r.Name, "section name") }).ToArray();

        var symbols = new List<Symbol>();
        foreach (var symtab in Sections.Where(s => s.Type == SectionTypeSymTab))
        {
            if (symtab.Link >= Sections.Count) throw new ImageFormatException($"symbol table {symtab.Name} links to a missing string table");
            var strtab = Sections[(int)symtab.Link];
            for (uint off = 16; off + 16 <= symtab.Size; off += 16) // entry 0 is the null symbol
            {
                var e = span.Slice((int)(symtab.Offset + off), 16);
                symbols.Add(new Symbol(ReadString(strtab, U32(e, 0), "symbol name"), U32(e, 4), U32(e, 8), e[12], U16(e, 14)));
            }
        }
        Symbols = symbols;
    }

    public static ElfImage Load(string path)
    {
        byte[] data;
        try { data = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageFormatException(e.Message); }
        return new ElfImage(data);
    }

    public ReadOnlySpan<byte> Contents(Section s) => Data.AsSpan((int)s.Offset, (int)s.Size);

    private void CheckRange(uint offset, ulong size, string what)
    {
        if (offset + size > (ulong)Data.Length)
            throw new ImageFormatException($"truncated: {what} at offset 0x{offset:x} (+0x{size:x}) runs past the end of the file (0x{Data.Length:x} bytes)");
    }

    private string ReadString(Section table, uint index, string what)
    {
        if (index >= table.Size) throw new ImageFormatException($"{what} offset {index} is outside its string table");
        var bytes = Data.AsSpan((int)(table.Offset + index), (int)(table.Size - index));
        int end = bytes.IndexOf((byte)0);
        if (end < 0) throw new ImageFormatException($"{what} at offset {index} is not terminated");
        return Encoding.UTF8.GetString(bytes[..end]);
    }

    private static ushort U16(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt16LittleEndian(s[o..]);
    private static uint U32(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt32LittleEndian(s[o..]);
}
