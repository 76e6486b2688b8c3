using System.Buffers.Binary;

namespace Translator.Platform.Loaders;

/// <summary>An initrd file, read and checked to be something the Linux kernel can unpack or mount.</summary>
public static class InitrdImage
{
    private const int Ext2MagicOffset = 0x438;

    public static byte[] Load(string path)
    {
        byte[] data;
        try
        {
            data = KernelImage.ReadFile(path);
        }
        catch (ImageFormatException e)
        {
            throw e.Of(path);
        }
        if (Describe(data) is null)
            throw new ImageFormatException(
                data.Length == 0 ? "the initrd is empty" : "not an initramfs: neither a cpio archive (plain or gzip, XZ, LZMA, LZ4, LZO, bzip2 or Zstandard-compressed) nor a filesystem image", path);
        return data;
    }

    /// <summary>What the kernel will find in the file, or null when it would find nothing it can use.</summary>
    public static string? Describe(ReadOnlySpan<byte> d)
    {
        if (d.Length >= 6 && (d[..6].SequenceEqual("070701"u8) || d[..6].SequenceEqual("070702"u8))) return "cpio";
        if (d.Length >= 2 && d[0] == 0x1F && (d[1] == 0x8B || d[1] == 0x9E)) return "gzip";
        if (d.Length >= 6 && d[0] == 0xFD && d[1..6].SequenceEqual("7zXZ\0"u8)) return "xz";
        if (d.Length >= 3 && d[0] == 0x5D && d[1] == 0 && d[2] == 0) return "lzma";
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(d) is 0x184C_2102 or 0x184D_2204) return "lz4";
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(d) == 0xFD2F_B528) return "zstd";
        if (d.Length >= 3 && d[0] == (byte)'B' && d[1] == (byte)'Z' && d[2] == (byte)'h') return "bzip2";
        if (d.Length >= 3 && d[0] == 0x89 && d[1] == (byte)'L' && d[2] == (byte)'Z') return "lzo";
        if (d.Length >= Ext2MagicOffset + 2 && BinaryPrimitives.ReadUInt16LittleEndian(d[Ext2MagicOffset..]) == 0xEF53) return "ext2";
        return null;
    }
}
