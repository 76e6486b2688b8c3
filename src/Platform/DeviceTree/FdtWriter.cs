using System.Buffers.Binary;

namespace Translator.Platform.DeviceTree;

/// <summary>
/// Writes a device tree as a flattened device tree blob (DTB) of version 17, last compatible version 16,
/// as the Devicetree Specification lays it out: header, memory reservation block (8-aligned, ended by
/// a zero entry), structure block, strings block (each property name once).
/// </summary>
public static class FdtWriter
{
    public static byte[] Write(DeviceTreeNode root) => Write(new FlattenedDeviceTree(root));

    public static byte[] Write(FlattenedDeviceTree tree)
    {
        if (tree.Root.Name.Length != 0) throw new ArgumentException($"the root node's name must be empty, not \"{tree.Root.Name}\"", nameof(tree));
        var structure = new MemoryStream();
        var strings = new MemoryStream();
        var stringOffsets = new Dictionary<string, uint>(StringComparer.Ordinal);
        WriteNode(tree.Root, structure, strings, stringOffsets, path: "");
        WriteU32(structure, Fdt.End);

        int reservationsOffset = Fdt.HeaderSize;
        int reservationsSize = (tree.Reservations.Count + 1) * 16;
        int structureOffset = reservationsOffset + reservationsSize;
        int stringsOffset = structureOffset + (int)structure.Length;
        int total = stringsOffset + (int)strings.Length;

        var blob = new byte[total];
        var span = blob.AsSpan();
        uint[] header =
        [
            Fdt.Magic, (uint)total, (uint)structureOffset, (uint)stringsOffset, (uint)reservationsOffset,
            Fdt.Version, Fdt.LastCompatibleVersion, tree.BootCpuId, (uint)strings.Length, (uint)structure.Length,
        ];
        for (int k = 0; k < header.Length; k++) BinaryPrimitives.WriteUInt32BigEndian(span[(k * 4)..], header[k]);
        for (int k = 0; k < tree.Reservations.Count; k++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(span[(reservationsOffset + k * 16)..], tree.Reservations[k].Address);
            BinaryPrimitives.WriteUInt64BigEndian(span[(reservationsOffset + k * 16 + 8)..], tree.Reservations[k].Size);
        }
        structure.GetBuffer().AsSpan(0, (int)structure.Length).CopyTo(span[structureOffset..]);
        strings.GetBuffer().AsSpan(0, (int)strings.Length).CopyTo(span[stringsOffset..]);
        return blob;
    }

    private static void WriteNode(DeviceTreeNode node, MemoryStream structure, MemoryStream strings, Dictionary<string, uint> stringOffsets, string path)
    {
        WriteU32(structure, Fdt.BeginNode);
        structure.Write(Fdt.NameEncoding.GetBytes(node.Name));
        structure.WriteByte(0);
        Pad(structure);
        foreach (var property in node.Properties)
        {
            if (!Fdt.IsValidPropertyName(property.Name)) throw new ArgumentException($"node {Display(path)} has a property named \"{property.Name}\", which the devicetree specification does not allow");
            if (!stringOffsets.TryGetValue(property.Name, out uint nameOffset))
            {
                stringOffsets[property.Name] = nameOffset = (uint)strings.Length;
                strings.Write(Fdt.NameEncoding.GetBytes(property.Name));
                strings.WriteByte(0);
            }
            WriteU32(structure, Fdt.Prop);
            WriteU32(structure, (uint)property.Value.Length);
            WriteU32(structure, nameOffset);
            structure.Write(property.Value);
            Pad(structure);
        }
        foreach (var child in node.Children)
        {
            if (!Fdt.IsValidNodeName(child.Name)) throw new ArgumentException($"node {Display(path)} has a child named \"{child.Name}\", which the devicetree specification does not allow");
            WriteNode(child, structure, strings, stringOffsets, $"{path}/{child.Name}");
        }
        WriteU32(structure, Fdt.EndNode);
    }

    private static string Display(string path) => path.Length == 0 ? "/" : path;

    private static void WriteU32(MemoryStream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }

    /// <summary>Every token of the structure block starts on a 4-byte boundary.</summary>
    private static void Pad(MemoryStream stream)
    {
        while (stream.Length % 4 != 0) stream.WriteByte(0);
    }
}
