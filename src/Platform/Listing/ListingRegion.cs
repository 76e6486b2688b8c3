using System.Buffers.Binary;

namespace Translator.Platform.Listing;

/// <summary>What objdump takes a byte of a listed section to be.</summary>
internal enum CodeKind { Arm, Thumb, Data }

/// <summary>
/// A section's bytes and what objdump makes of them: the kind of each address, the next symbol
/// after an address (where a run of data stops), and the addresses an IT block cannot span
/// (symbols and the section start).
/// </summary>
internal sealed record ListingRegion(byte[] Data, uint Address, Func<uint, CodeKind> KindAt, Func<uint, uint> NextSymbol, Func<uint, bool> Boundary)
{
    /// <summary>The halfword at <paramref name="address"/>, or null outside the section.</summary>
    public ushort? Halfword(uint address)
    {
        long offset = (long)address - Address;
        return offset >= 0 && offset + 2 <= Data.Length ? BinaryPrimitives.ReadUInt16LittleEndian(Data.AsSpan((int)offset)) : null;
    }
}
