using System.Text;

namespace Translator.Platform.DeviceTree;

/// <summary>The flattened device tree format's numbers (Devicetree Specification v0.4, chapter 5).</summary>
internal static class Fdt
{
    public const uint Magic = 0xD00D_FEED;
    /// <summary>The version written; 16 is the oldest whose layout the reader takes (17 only adds size_dt_struct).</summary>
    public const uint Version = 17, LastCompatibleVersion = 16;
    public const int HeaderSize = 40, Version16HeaderSize = 36;
    public const uint BeginNode = 1, EndNode = 2, Prop = 3, Nop = 4, End = 9;
    /// <summary>Linux's unflattening gives up past this depth (FDT_MAX_DEPTH), so deeper blobs are not ours to boot.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Node and property names are bytes (the specification allows only ASCII); Latin-1 maps each byte to
    /// one char and back, so any name read is written back unchanged.
    /// </summary>
    public static readonly Encoding NameEncoding = Encoding.Latin1;

    /// <summary>
    /// The characters the Devicetree Specification allows in names (2.2.1, 2.2.4), as dtc checks them
    /// (which also allows '*' in property names): dtc refuses a blob with any other, and a NUL or '/'
    /// would break the blob or paths.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> NodeNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-@");
    private static readonly System.Buffers.SearchValues<char> PropertyNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+*#?-");

    /// <summary>A child node's name: allowed characters only, at most one '@' (before the unit address).</summary>
    public static bool IsValidNodeName(string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(NodeNameChars) && name.IndexOf('@') == name.LastIndexOf('@');

    public static bool IsValidPropertyName(string name) => name.Length > 0 && !name.AsSpan().ContainsAnyExcept(PropertyNameChars);
}
