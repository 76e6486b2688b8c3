using System.Buffers.Binary;
using Translator.Platform.Loaders;

namespace Translator.Platform.DeviceTree;

/// <summary>
/// Reads a flattened device tree blob (version 16 or later). Every offset, size, token and name is
/// checked against the blob, so anything malformed gives a one-line <see cref="ImageFormatException"/>
/// saying what is wrong, never an index error: the blob may be a file the user named with --dtb.
/// Bytes past the header's total size are ignored, as dtc and Linux do (blobs are often padded).
/// </summary>
public static class FdtReader
{
    public static FlattenedDeviceTree Read(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8) throw new ImageFormatException($"not a device tree blob: {blob.Length} bytes, too short for a header");
        uint magic = U32(blob, 0);
        if (magic != Fdt.Magic) throw new ImageFormatException($"not a device tree blob (magic 0x{magic:x8}, expected 0x{Fdt.Magic:x8})");
        uint total = U32(blob, 4);
        if (total > blob.Length) throw new ImageFormatException($"device tree truncated: header says {total} bytes, file has {blob.Length}");
        if (total < Fdt.Version16HeaderSize) throw new ImageFormatException($"device tree header says the blob is {total} bytes, less than the header itself");
        var data = blob[..(int)total];
        uint version = U32(data, 20), lastCompatible = U32(data, 24);
        if (version < Fdt.LastCompatibleVersion) throw new ImageFormatException($"device tree version {version} is too old (16 or later is read)");
        if (lastCompatible > Fdt.Version) throw new ImageFormatException($"device tree version {version} is only readable by readers of version {lastCompatible} or later (this one reads {Fdt.Version})");
        int headerSize = version >= 17 ? Fdt.HeaderSize : Fdt.Version16HeaderSize;
        if (total < headerSize) throw new ImageFormatException($"device tree header says the blob is {total} bytes, less than the {headerSize}-byte header itself");

        uint structOffset = U32(data, 8), stringsOffset = U32(data, 12), reservationsOffset = U32(data, 16);
        uint stringsSize = U32(data, 32);
        uint structSize = version >= 17 ? U32(data, 36) : total - Math.Min(structOffset, total);
        CheckBlock("structure block", structOffset, structSize, headerSize, total, alignment: 4);
        CheckBlock("strings block", stringsOffset, stringsSize, headerSize, total, alignment: 1);
        CheckBlock("memory reservation block", reservationsOffset, 16, headerSize, total, alignment: 8);

        var reservations = new List<MemoryReservation>();
        ReadReservations(data, (int)reservationsOffset, reservations);
        var tree = new FlattenedDeviceTree(ReadStructure(data.Slice((int)structOffset, (int)structSize), (int)structOffset, data.Slice((int)stringsOffset, (int)stringsSize)))
        {
            BootCpuId = U32(data, 28),
        };
        tree.Reservations.AddRange(reservations);
        return tree;
    }

    private static void CheckBlock(string what, uint offset, uint size, int headerSize, uint total, int alignment)
    {
        if (offset % alignment != 0) throw new ImageFormatException($"device tree {what} at 0x{offset:x} is not {alignment}-byte aligned");
        if (offset < headerSize || (ulong)offset + size > total)
            throw new ImageFormatException($"device tree {what} at 0x{offset:x} ({size} bytes) is out of range: the header ends at 0x{headerSize:x}, the blob at 0x{total:x}");
    }

    private static void ReadReservations(ReadOnlySpan<byte> data, int offset, List<MemoryReservation> reservations)
    {
        for (int at = offset; ; at += 16)
        {
            if (at + 16 > data.Length) throw new ImageFormatException($"device tree memory reservation block runs past the end of the blob without its terminating zero entry");
            ulong address = BinaryPrimitives.ReadUInt64BigEndian(data[at..]), size = BinaryPrimitives.ReadUInt64BigEndian(data[(at + 8)..]);
            // The specification ends the list with an all-zero entry; libfdt, Linux and dtc stop at the
            // first zero size, which reserves nothing anyway, so this reads the list as the kernel will.
            if (size == 0) return;
            reservations.Add(new MemoryReservation(address, size));
        }
    }

    /// <summary>Walks the tokens without recursion, so a hostile blob's depth cannot overflow the stack before the depth check.</summary>
    private static DeviceTreeNode ReadStructure(ReadOnlySpan<byte> structure, int baseOffset, ReadOnlySpan<byte> strings)
    {
        var open = new Stack<DeviceTreeNode>();
        DeviceTreeNode? root = null;
        int at = 0;
        while (true)
        {
            if (at + 4 > structure.Length) throw new ImageFormatException($"device tree structure block ends at 0x{baseOffset + structure.Length:x} without an FDT_END token");
            uint token = U32(structure, at);
            int tokenOffset = baseOffset + at;
            at += 4;
            switch (token)
            {
                case Fdt.Nop:
                    break;
                case Fdt.BeginNode:
                {
                    string name = ReadName(structure, ref at, baseOffset, "node name");
                    if (open.Count == 0)
                    {
                        if (root is not null) throw new ImageFormatException($"device tree has a second root node at 0x{tokenOffset:x}");
                        if (name.Length != 0) throw new ImageFormatException($"device tree root node is named \"{Printable(name)}\" (it must have an empty name)");
                        open.Push(root = new DeviceTreeNode(""));
                        break;
                    }
                    if (!Fdt.IsValidNodeName(name)) throw new ImageFormatException($"device tree node at 0x{tokenOffset:x} has an invalid name \"{Printable(name)}\"");
                    if (open.Count >= Fdt.MaxDepth) throw new ImageFormatException($"device tree nodes nest deeper than {Fdt.MaxDepth} levels at 0x{tokenOffset:x}");
                    var parent = open.Peek();
                    if (parent.Child(name) is not null) throw new ImageFormatException($"device tree node {PathOf(open)} has two children named \"{name}\"");
                    open.Push(parent.AddChild(name));
                    break;
                }
                case Fdt.Prop:
                {
                    if (open.Count == 0) throw new ImageFormatException($"device tree property at 0x{tokenOffset:x} is outside any node");
                    if (at + 8 > structure.Length) throw new ImageFormatException($"device tree property at 0x{tokenOffset:x} is truncated");
                    uint length = U32(structure, at), nameOffset = U32(structure, at + 4);
                    at += 8;
                    if ((ulong)at + length > (ulong)structure.Length)
                        throw new ImageFormatException($"device tree property at 0x{tokenOffset:x} says it holds {length} bytes, past the end of the structure block");
                    string name = StringAt(strings, nameOffset, tokenOffset);
                    var node = open.Peek();
                    if (node.Get(name) is not null) throw new ImageFormatException($"device tree node {PathOf(open)} has two properties named \"{name}\"");
                    node.Set(name, structure.Slice(at, (int)length).ToArray());
                    at = Align4(at + (int)length);
                    break;
                }
                case Fdt.EndNode:
                    if (open.Count == 0) throw new ImageFormatException($"device tree FDT_END_NODE at 0x{tokenOffset:x} closes no node");
                    open.Pop();
                    break;
                case Fdt.End:
                    if (root is null) throw new ImageFormatException("device tree structure block holds no root node");
                    if (open.Count != 0) throw new ImageFormatException($"device tree FDT_END at 0x{tokenOffset:x} comes before node {PathOf(open)} is closed");
                    return root;
                default:
                    throw new ImageFormatException($"device tree has an unknown token 0x{token:x8} at 0x{tokenOffset:x}");
            }
        }
    }

    /// <summary>A node name in the structure block: NUL-terminated, then padded to the next token boundary.</summary>
    private static string ReadName(ReadOnlySpan<byte> structure, ref int at, int baseOffset, string what)
    {
        int length = structure[at..].IndexOf((byte)0);
        if (length < 0) throw new ImageFormatException($"device tree {what} at 0x{baseOffset + at:x} is not NUL-terminated");
        string name = Fdt.NameEncoding.GetString(structure.Slice(at, length));
        at = Align4(at + length + 1);
        return name;
    }

    private static string StringAt(ReadOnlySpan<byte> strings, uint offset, int tokenOffset)
    {
        if (offset >= strings.Length) throw new ImageFormatException($"device tree property at 0x{tokenOffset:x} names string 0x{offset:x}, outside the {strings.Length}-byte strings block");
        int length = strings[(int)offset..].IndexOf((byte)0);
        if (length < 0) throw new ImageFormatException($"device tree property at 0x{tokenOffset:x} has a name (string 0x{offset:x}) that is not NUL-terminated");
        string name = Fdt.NameEncoding.GetString(strings.Slice((int)offset, length));
        if (!Fdt.IsValidPropertyName(name)) throw new ImageFormatException($"device tree property at 0x{tokenOffset:x} has an invalid name \"{Printable(name)}\"");
        return name;
    }

    /// <summary>A name for a one-line message: control characters and bytes above ASCII shown as \xNN.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\x{(int)c:x2}"));

    private static string PathOf(Stack<DeviceTreeNode> open) =>
        open.Count <= 1 ? "/" : "/" + string.Join('/', open.Reverse().Skip(1).Select(n => n.Name));

    private static int Align4(int offset) => (offset + 3) & ~3;

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
}
