using System.Buffers.Binary;
using System.Text;

namespace Translator.Platform.DeviceTree;

/// <summary>
/// One node of a device tree: its name (with unit address, such as "pl011@9000000"; the root's is
/// empty), its properties in order, their values kept as the big-endian bytes the blob holds, and its
/// children in order. Order is kept because the blob and dtc's text show it, so a tree read and
/// written again compares equal byte for byte.
/// </summary>
public sealed class DeviceTreeNode(string name)
{
    private readonly List<DeviceTreeProperty> properties = [];
    private readonly List<DeviceTreeNode> children = [];

    public string Name { get; } = name;
    public IReadOnlyList<DeviceTreeProperty> Properties => properties;
    public IReadOnlyList<DeviceTreeNode> Children => children;

    /// <summary>Sets a property to raw bytes: a property already there keeps its place and takes the new value.</summary>
    public DeviceTreeNode Set(string propertyName, byte[] value)
    {
        int index = properties.FindIndex(p => p.Name == propertyName);
        var property = new DeviceTreeProperty(propertyName, value);
        if (index >= 0) properties[index] = property;
        else properties.Add(property);
        return this;
    }

    /// <summary>A property without value, which says yes by being there ("dma-coherent", "interrupt-controller").</summary>
    public DeviceTreeNode SetEmpty(string propertyName) => Set(propertyName, []);

    public DeviceTreeNode SetU32(string propertyName, uint value) => SetCells(propertyName, value);

    /// <summary>A list of 32-bit cells, such as "interrupts" = &lt;0 16 1&gt;.</summary>
    public DeviceTreeNode SetCells(string propertyName, params ReadOnlySpan<uint> cells)
    {
        var value = new byte[cells.Length * 4];
        for (int k = 0; k < cells.Length; k++) BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(k * 4), cells[k]);
        return Set(propertyName, value);
    }

    /// <summary>A 64-bit value as two cells, high first.</summary>
    public DeviceTreeNode SetU64(string propertyName, ulong value) => SetCells(propertyName, (uint)(value >> 32), (uint)value);

    /// <summary>
    /// A "reg" style list of (address, size) pairs, each number written in as many cells as the parent's
    /// #address-cells and #size-cells say (0, 1 or 2).
    /// </summary>
    public DeviceTreeNode SetReg(string propertyName, int addressCells, int sizeCells, params ReadOnlySpan<(ulong Address, ulong Size)> ranges)
    {
        if (addressCells is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(addressCells), addressCells, "0, 1 or 2 cells");
        if (sizeCells is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(sizeCells), sizeCells, "0, 1 or 2 cells");
        var cells = new List<uint>();
        foreach (var (address, size) in ranges)
        {
            AddNumber(cells, address, addressCells, nameof(ranges));
            AddNumber(cells, size, sizeCells, nameof(ranges));
        }
        return SetCells(propertyName, [.. cells]);
    }

    private static void AddNumber(List<uint> cells, ulong value, int count, string parameter)
    {
        if (count < 2 && value >> (32 * count) != 0) throw new ArgumentOutOfRangeException(parameter, value, $"does not fit {count} cell(s)");
        if (count == 2) cells.Add((uint)(value >> 32));
        if (count >= 1) cells.Add((uint)value);
    }

    /// <summary>A NUL-terminated string.</summary>
    public DeviceTreeNode SetString(string propertyName, string value) => SetStrings(propertyName, value);

    /// <summary>Strings one after the other, each NUL-terminated ("compatible" = "arm,pl011", "arm,primecell").</summary>
    public DeviceTreeNode SetStrings(string propertyName, params ReadOnlySpan<string> values)
    {
        var bytes = new List<byte>();
        foreach (string s in values)
        {
            if (s.Contains('\0')) throw new ArgumentException($"a device tree string cannot hold NUL: \"{s}\"", nameof(values));
            bytes.AddRange(Encoding.UTF8.GetBytes(s));
            bytes.Add(0);
        }
        return Set(propertyName, [.. bytes]);
    }

    public bool Remove(string propertyName) => properties.RemoveAll(p => p.Name == propertyName) > 0;

    public byte[]? Get(string propertyName) => properties.Find(p => p.Name == propertyName)?.Value;

    /// <summary>The property as one cell, or null when it is missing or not 4 bytes long.</summary>
    public uint? GetU32(string propertyName) =>
        Get(propertyName) is { Length: 4 } v ? BinaryPrimitives.ReadUInt32BigEndian(v) : null;

    /// <summary>The property as cells, or null when it is missing or not a whole number of cells.</summary>
    public uint[]? GetCells(string propertyName)
    {
        if (Get(propertyName) is not { } v || v.Length % 4 != 0) return null;
        var cells = new uint[v.Length / 4];
        for (int k = 0; k < cells.Length; k++) cells[k] = BinaryPrimitives.ReadUInt32BigEndian(v.AsSpan(k * 4));
        return cells;
    }

    /// <summary>The property's first string, or null when it is missing or not NUL-terminated.</summary>
    public string? GetString(string propertyName) => GetStrings(propertyName) is [var first, ..] ? first : null;

    /// <summary>The property's NUL-separated strings, or null when it is missing or does not end in NUL.</summary>
    public string[]? GetStrings(string propertyName)
    {
        if (Get(propertyName) is not { Length: > 0 } v || v[^1] != 0) return null;
        return Encoding.UTF8.GetString(v, 0, v.Length - 1).Split('\0');
    }

    /// <summary>Adds a child at the end; a child of the same name already there is an error, since paths name one node.</summary>
    public DeviceTreeNode Add(DeviceTreeNode child)
    {
        if (Child(child.Name) is not null) throw new ArgumentException($"node \"{Name}\" already has a child \"{child.Name}\"", nameof(child));
        children.Add(child);
        return child;
    }

    public DeviceTreeNode AddChild(string childName) => Add(new DeviceTreeNode(childName));

    public DeviceTreeNode GetOrAddChild(string childName) => Child(childName) ?? AddChild(childName);

    public bool RemoveChild(string childName) => children.RemoveAll(c => c.Name == childName) > 0;

    public DeviceTreeNode? Child(string childName) => children.Find(c => c.Name == childName);

    /// <summary>The node at a path from this one ("/chosen", "cpus/cpu@0"; "/" is this node), or null.</summary>
    public DeviceTreeNode? Find(string path)
    {
        DeviceTreeNode node = this;
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            if (node.Child(part) is { } child) node = child;
            else return null;
        return node;
    }

    /// <summary>Same names, same properties with the same bytes in the same order, and children alike, recursively.</summary>
    public bool SameAs(DeviceTreeNode other) =>
        Name == other.Name
        && properties.Count == other.properties.Count
        && properties.Zip(other.properties).All(p => p.First.Name == p.Second.Name && p.First.Value.AsSpan().SequenceEqual(p.Second.Value))
        && children.Count == other.children.Count
        && children.Zip(other.children).All(c => c.First.SameAs(c.Second));

    public override string ToString() => Name.Length == 0 ? "/" : Name;
}
