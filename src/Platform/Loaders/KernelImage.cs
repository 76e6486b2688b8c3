using System.Buffers.Binary;

namespace Translator.Platform.Loaders;

/// <summary>The kinds of kernel image `--kernel` takes.</summary>
public enum KernelFormat
{
    /// <summary>An ELF executable: loaded at its segments' physical addresses, entered at its entry point.</summary>
    Elf,
    /// <summary>A self-decompressing ARM Linux zImage (magic 0x016f2818 at offset 0x24).</summary>
    ZImage,
    /// <summary>An uncompressed ARM Linux Image: raw code entered at its first byte.</summary>
    Image,
}

/// <summary>A kernel file read into memory and recognised, with its format checked as far as the format allows.</summary>
public sealed class KernelImage
{
    public const uint ZImageMagic = 0x016F_2818;
    private const int ZImageMagicOffset = 0x24, ZImageStartOffset = 0x28, ZImageEndOffset = 0x2C;

    public KernelFormat Format { get; }
    public byte[] Data { get; }
    public ElfImage? Elf { get; }

    private KernelImage(KernelFormat format, byte[] data, ElfImage? elf)
    {
        Format = format;
        Data = data;
        Elf = elf;
    }

    public static KernelImage Load(string path)
    {
        byte[] data = ReadFile(path);
        if (ElfImage.HasElfMagic(data)) return new KernelImage(KernelFormat.Elf, data, new ElfImage(data));
        if (data.Length >= ZImageEndOffset + 4 && BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(ZImageMagicOffset)) == ZImageMagic)
        {
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(ZImageStartOffset));
            uint end = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(ZImageEndOffset));
            if (end <= start) throw new ImageFormatException($"zImage header gives an empty image (start 0x{start:x}, end 0x{end:x})");
            if (end - start > (ulong)data.Length)
                throw new ImageFormatException($"zImage truncated: its header says {end - start} bytes, the file has {data.Length}");
            return new KernelImage(KernelFormat.ZImage, data, null);
        }
        if (data.Length >= ZImageMagicOffset + 4 && BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(ZImageMagicOffset)) == ZImageMagic)
            throw new ImageFormatException("a big-endian zImage; the guest board is little-endian");
        if (OtherFormat(data) is { } other) throw new ImageFormatException($"not a kernel image: this is {other}");
        if (data.Length < 64) throw new ImageFormatException($"not a kernel image: only {data.Length} bytes");
        return new KernelImage(KernelFormat.Image, data, null);
    }

    /// <summary>
    /// A raw Image has no header to check, so a file is taken for one only when it is none of the
    /// things people pass by mistake: the compressed or archived forms of a kernel or an initramfs, a
    /// device tree, a U-Boot image.
    /// </summary>
    internal static string? OtherFormat(ReadOnlySpan<byte> d)
    {
        if (d.Length == 0) return "an empty file";
        if (d.Length >= 2 && d[0] == 0x1F && (d[1] == 0x8B || d[1] == 0x9E)) return "gzip-compressed data (decompress it, or pass a zImage)";
        if (d.Length >= 6 && d[0] == 0xFD && d[1] == (byte)'7' && d[2] == (byte)'z' && d[3] == (byte)'X' && d[4] == (byte)'Z') return "XZ-compressed data";
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(d) == 0xFD2F_B528) return "Zstandard-compressed data";
        if (d.Length >= 3 && d[0] == (byte)'B' && d[1] == (byte)'Z' && d[2] == (byte)'h') return "bzip2-compressed data";
        if (d.Length >= 6 && d[..6].SequenceEqual("070701"u8)) return "a cpio archive (an initramfs? pass it with --initrd)";
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(d) == 0xD00D_FEED) return "a device tree blob (pass it with --dtb)";
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(d) == 0x2705_1956) return "a U-Boot legacy image (uImage), which is not supported";
        if (d.Length >= 0x3C && BinaryPrimitives.ReadUInt32LittleEndian(d[0x38..]) == 0x644D_5241) return "an arm64 kernel Image; the guest is 32-bit ARM";
        return null;
    }

    internal static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new ImageFormatException("no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageFormatException(e.Message);
        }
    }
}
