using System.IO.Compression;
using System.Text;

namespace Translator.Platform.Provisioning;

/// <summary>
/// Writes a cpio archive in the "newc" format (magic 070701), the only format the Linux kernel's
/// initramfs unpacker reads. Every entry belongs to uid and gid 0. Names are stored without a
/// leading '/', as the kernel and GNU cpio both expect.
/// </summary>
/// <remarks>
/// The kernel's unpacker never creates a missing parent directory (it opens the path and fails), so
/// every Add creates the parents it needs first, mode 0755. Non-directories get a link count of 1:
/// the unpacker treats entries with more links as hard links to match up by inode. A mode is the
/// permission bits (07777); C# has no octal literals, so they read best in binary, one group per
/// rwx triple: 0b111_101_101 is 0755.
/// </remarks>
public sealed class CpioWriter : IDisposable
{
    private const int TypeDirectory = 0x4000;
    private const int TypeRegular = 0x8000;
    private const int TypeSymlink = 0xA000;
    private const int TypeCharDevice = 0x2000;
    private const int TypeBlockDevice = 0x6000;
    private const string Trailer = "TRAILER!!!";
    private static readonly byte[] Zeros = new byte[3];

    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly uint modificationTime;
    private readonly HashSet<string> directories = new(StringComparer.Ordinal);
    private readonly HashSet<string> others = new(StringComparer.Ordinal);
    private uint nextInode = 1;
    private long position;
    private bool finished;

    /// <param name="output">The stream the archive is written to, from its current position.</param>
    /// <param name="modificationTime">Every entry's mtime; the current time when null.</param>
    /// <param name="leaveOpen">Leave <paramref name="output"/> open when the writer is disposed.</param>
    public CpioWriter(Stream output, DateTimeOffset? modificationTime = null, bool leaveOpen = false)
    {
        this.output = output;
        this.leaveOpen = leaveOpen;
        long seconds = (modificationTime ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        this.modificationTime = (uint)Math.Clamp(seconds, 0, uint.MaxValue);
    }

    /// <summary>A writer to a new file at <paramref name="path"/>, gzip-compressed when <paramref name="gzip"/> (the kernel's initramfs unpacker decompresses it).</summary>
    public static CpioWriter Create(string path, bool gzip, DateTimeOffset? modificationTime = null)
    {
        Stream file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (gzip) file = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: false);
        return new CpioWriter(file, modificationTime);
    }

    /// <summary>Adds a directory; adding one that already exists (for example as a parent created earlier) does nothing.</summary>
    public void AddDirectory(string path, int mode = 0b111_101_101)
    {
        string name = Normalize(path);
        if (directories.Contains(name)) return;
        EnsureParents(name);
        Claim(name, isDirectory: true);
        WriteEntry(name, TypeDirectory | (mode & 0xFFF), nlink: 2, 0, 0, ReadOnlySpan<byte>.Empty);
    }

    public void AddFile(string path, ReadOnlySpan<byte> contents, int mode = 0b110_100_100)
    {
        string name = Normalize(path);
        EnsureParents(name);
        Claim(name, isDirectory: false);
        WriteEntry(name, TypeRegular | (mode & 0xFFF), nlink: 1, 0, 0, contents);
    }

    public void AddFile(string path, string contents, int mode = 0b110_100_100) => AddFile(path, Encoding.UTF8.GetBytes(contents), mode);

    /// <summary>Adds a symbolic link; as in every cpio format, its target is the entry's data.</summary>
    public void AddSymlink(string path, string target)
    {
        if (target.Length == 0) throw new ArgumentException("a symbolic link needs a target", nameof(target));
        string name = Normalize(path);
        EnsureParents(name);
        Claim(name, isDirectory: false);
        WriteEntry(name, TypeSymlink | 0b111_111_111, nlink: 1, 0, 0, Encoding.UTF8.GetBytes(target));
    }

    public void AddCharDevice(string path, int major, int minor, int mode = 0b110_000_000) => AddDevice(path, TypeCharDevice, major, minor, mode);

    public void AddBlockDevice(string path, int major, int minor, int mode = 0b110_000_000) => AddDevice(path, TypeBlockDevice, major, minor, mode);

    /// <summary>Writes the TRAILER!!! entry; nothing can be added afterwards. Dispose calls it when it was not called.</summary>
    public void Finish()
    {
        if (finished) return;
        WriteEntry(Trailer, 0, nlink: 1, 0, 0, ReadOnlySpan<byte>.Empty, inode: 0);
        finished = true;
        output.Flush();
    }

    public void Dispose()
    {
        Finish();
        if (!leaveOpen) output.Dispose();
    }

    private void AddDevice(string path, int type, int major, int minor, int mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        string name = Normalize(path);
        EnsureParents(name);
        Claim(name, isDirectory: false);
        WriteEntry(name, type | (mode & 0xFFF), nlink: 1, (uint)major, (uint)minor, ReadOnlySpan<byte>.Empty);
    }

    private static string Normalize(string path)
    {
        string name = path.Replace('\\', '/').Trim('/');
        while (name.Contains("//", StringComparison.Ordinal)) name = name.Replace("//", "/", StringComparison.Ordinal);
        if (name.Length == 0 || name == Trailer) throw new ArgumentException($"'{path}' is not a name a cpio entry can have", nameof(path));
        foreach (string part in name.Split('/'))
            if (part is "." or "..") throw new ArgumentException($"'{path}' must not contain '.' or '..'", nameof(path));
        return name;
    }

    private void EnsureParents(string name)
    {
        for (int slash = name.IndexOf('/'); slash >= 0; slash = name.IndexOf('/', slash + 1))
        {
            string parent = name[..slash];
            if (directories.Contains(parent)) continue;
            Claim(parent, isDirectory: true);
            WriteEntry(parent, TypeDirectory | 0b111_101_101, nlink: 2, 0, 0, ReadOnlySpan<byte>.Empty);
        }
    }

    private void Claim(string name, bool isDirectory)
    {
        if (finished) throw new InvalidOperationException("the archive is already finished");
        if (directories.Contains(name) || others.Contains(name)) throw new InvalidOperationException($"'{name}' is already in the archive");
        (isDirectory ? directories : others).Add(name);
    }

    private void WriteEntry(string name, int mode, uint nlink, uint rdevMajor, uint rdevMinor, ReadOnlySpan<byte> data, uint? inode = null)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        var header = new StringBuilder(110);
        header.Append("070701");
        foreach (uint field in (ReadOnlySpan<uint>)[
                     inode ?? nextInode++, (uint)mode, 0 /* uid */, 0 /* gid */, nlink, modificationTime, (uint)data.Length,
                     0, 0 /* device holding the file */, rdevMajor, rdevMinor, (uint)nameBytes.Length, 0 /* check */])
            header.Append(field.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        Write(Encoding.ASCII.GetBytes(header.ToString()));
        Write(nameBytes);
        Pad();
        Write(data);
        Pad();
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        position += bytes.Length;
    }

    // The header plus name, and the data, each end on a 4-byte boundary.
    private void Pad()
    {
        int padding = (int)(-position & 3);
        if (padding > 0) Write(Zeros.AsSpan(0, padding));
    }
}
