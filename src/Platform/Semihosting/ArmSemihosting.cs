using System.Diagnostics;
using System.Text;
using Translator.Backend.Memory;
using Translator.IR;

namespace Translator.Platform.Semihosting;

/// <summary>
/// ARM semihosting (the "Angel" interface, SVC 0x123456 in ARM state, SVC 0xAB in Thumb): the operations newlib's
/// rdimon uses, with the guest's console on the host's stdout and its files on the host's.
/// </summary>
public sealed class ArmSemihosting(IGuestMemory memory, Stream stdout, Stream stdin, string commandLine, uint heapBase, uint heapLimit)
{
    public const uint ArmSvc = 0x123456;
    public const uint ThumbSvc = 0xAB;
    private const uint ApplicationExit = 0x20026;
    private const string FeaturesFile = ":semihosting-features";
    /// <summary>SH_EXT_EXIT_EXTENDED and SH_EXT_STDOUT_STDERR, as QEMU reports them.</summary>
    private static readonly byte[] Features = [(byte)'S', (byte)'H', (byte)'F', (byte)'B', 0x03];

    private sealed class Handle
    {
        public Stream? Stream;
        public bool Console;
        public byte[]? Memory;
        public long Position;
    }

    private readonly Dictionary<int, Handle> _handles = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _nextHandle = 1;
    private int _errno;

    /// <summary>Set by SYS_EXIT and SYS_EXIT_EXTENDED: the process exit code the guest asked for.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Runs the operation in <paramref name="op"/> (R0) with its parameter <paramref name="arg"/> (R1); returns the new R0.</summary>
    public uint Call(uint op, uint arg)
    {
        switch (op)
        {
            case 0x01: return Open(Word(arg), Word(arg + 4), Word(arg + 8));
            case 0x02: return Close((int)Word(arg));
            case 0x03: WriteConsole([Byte(arg)]); return 0;
            case 0x04: WriteConsole(ReadCString(arg)); return 0;
            case 0x05: return Write((int)Word(arg), Word(arg + 4), Word(arg + 8));
            case 0x06: return Read((int)Word(arg), Word(arg + 4), Word(arg + 8));
            case 0x07: { int c = stdin.ReadByte(); return c < 0 ? uint.MaxValue : (uint)c; }
            case 0x08: return (int)arg < 0 ? 1u : 0u;
            case 0x09: return _handles.TryGetValue((int)Word(arg), out var h) && h.Console ? 1u : 0u;
            case 0x0A: return Seek((int)Word(arg), Word(arg + 4));
            case 0x0C: return Length((int)Word(arg));
            case 0x10: return (uint)(_clock.ElapsedMilliseconds / 10);
            case 0x11: return (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            case 0x13: return (uint)_errno;
            case 0x15: return CommandLine(arg);
            case 0x16: return HeapInfo(arg);
            case 0x18:
                ExitCode = arg == ApplicationExit ? 0 : 1;
                return 0;
            case 0x20:
                ExitCode = Word(arg) == ApplicationExit ? (int)Word(arg + 4) : 1;
                return 0;
            case 0x30:
            {
                ulong ticks = (ulong)(_clock.Elapsed.TotalMilliseconds * 1000);
                WriteWord(arg, (uint)ticks);
                WriteWord(arg + 4, (uint)(ticks >> 32));
                return 0;
            }
            case 0x31: return 1_000_000;
            default:
                _errno = 38; // ENOSYS
                return uint.MaxValue;
        }
    }

    private uint Open(uint namePtr, uint mode, uint length)
    {
        string name = Encoding.UTF8.GetString(ReadBytes(namePtr, (int)length));
        var handle = new Handle();
        if (name == ":tt")
        {
            handle.Console = true;
            handle.Stream = mode < 4 ? stdin : stdout; // modes 8-11 (append) are stderr; it shares the console here
        }
        else if (name == FeaturesFile)
        {
            if (mode >= 4) return Fail(13);
            handle.Memory = Features;
        }
        else
        {
            try
            {
                handle.Stream = OpenFile(name, mode);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Fail(e is FileNotFoundException or DirectoryNotFoundException ? 2 : 13);
            }
        }
        int id = _nextHandle++;
        _handles[id] = handle;
        return (uint)id;
    }

    /// <summary>Semihosting modes are fopen's: r, rb, r+, r+b, w, wb, w+, w+b, a, ab, a+, a+b.</summary>
    private static FileStream OpenFile(string name, uint mode) => (mode >> 2) switch
    {
        0 => new FileStream(name, FileMode.Open, (mode & 2) != 0 ? FileAccess.ReadWrite : FileAccess.Read),
        1 => new FileStream(name, FileMode.Create, (mode & 2) != 0 ? FileAccess.ReadWrite : FileAccess.Write),
        2 => new FileStream(name, FileMode.Append, FileAccess.Write),
        _ => throw new ArgumentException($"semihosting open mode {mode}"),
    };

    private uint Close(int id)
    {
        if (!_handles.Remove(id, out var h)) return Fail(9);
        if (!h.Console) h.Stream?.Dispose();
        return 0;
    }

    private uint Write(int id, uint buffer, uint length)
    {
        if (!_handles.TryGetValue(id, out var h) || h.Stream is null || !h.Stream.CanWrite) { Fail(9); return length; }
        var bytes = ReadBytes(buffer, (int)length);
        if (h.Console) WriteConsole(bytes); else h.Stream.Write(bytes);
        return 0;
    }

    private uint Read(int id, uint buffer, uint length)
    {
        if (!_handles.TryGetValue(id, out var h)) { Fail(9); return length; }
        var bytes = new byte[length];
        int got;
        if (h.Memory is { } m)
        {
            got = (int)Math.Clamp(m.Length - h.Position, 0, length);
            Array.Copy(m, h.Position, bytes, 0, got);
            h.Position += got;
        }
        else if (h.Stream is { CanRead: true } s)
        {
            got = h.Console ? s.Read(bytes, 0, bytes.Length) : s.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }
        else { Fail(9); return length; }
        for (int k = 0; k < got; k++) memory.Write(buffer + (uint)k, 1, bytes[k], MemoryAccess.None);
        return length - (uint)got;
    }

    private uint Seek(int id, uint position)
    {
        if (!_handles.TryGetValue(id, out var h)) return Fail(9);
        if (h.Memory is not null) { h.Position = position; return 0; }
        if (h.Stream is not { CanSeek: true } s) return Fail(29);
        s.Position = position;
        return 0;
    }

    private uint Length(int id)
    {
        if (!_handles.TryGetValue(id, out var h)) return Fail(9);
        if (h.Memory is { } m) return (uint)m.Length;
        return h.Stream is { CanSeek: true } s ? (uint)s.Length : Fail(29);
    }

    private uint CommandLine(uint block)
    {
        uint buffer = Word(block), size = Word(block + 4);
        var bytes = Encoding.UTF8.GetBytes(commandLine);
        if (bytes.Length + 1 > size) return uint.MaxValue;
        for (int k = 0; k < bytes.Length; k++) memory.Write(buffer + (uint)k, 1, bytes[k], MemoryAccess.None);
        memory.Write(buffer + (uint)bytes.Length, 1, 0, MemoryAccess.None);
        WriteWord(block + 4, (uint)bytes.Length);
        return 0;
    }

    /// <summary>As QEMU: the heap from the end of the program to the top of RAM, the stack at the top growing down.</summary>
    private uint HeapInfo(uint arg)
    {
        uint block = Word(arg);
        WriteWord(block, heapBase);
        WriteWord(block + 4, heapLimit);
        WriteWord(block + 8, heapLimit);
        WriteWord(block + 12, heapBase);
        return 0;
    }

    private void WriteConsole(byte[] bytes)
    {
        stdout.Write(bytes);
        stdout.Flush();
    }

    private uint Fail(int errno)
    {
        _errno = errno;
        return uint.MaxValue;
    }

    private uint Word(uint address) => (uint)memory.Read(address, 4, MemoryAccess.None);
    private byte Byte(uint address) => (byte)memory.Read(address, 1, MemoryAccess.None);
    private void WriteWord(uint address, uint value) => memory.Write(address, 4, value, MemoryAccess.None);

    private byte[] ReadBytes(uint address, int length)
    {
        var bytes = new byte[length];
        for (int k = 0; k < length; k++) bytes[k] = Byte(address + (uint)k);
        return bytes;
    }

    private byte[] ReadCString(uint address)
    {
        var bytes = new List<byte>();
        for (uint a = address; bytes.Count < 1 << 20; a++)
        {
            byte b = Byte(a);
            if (b == 0) break;
            bytes.Add(b);
        }
        return [.. bytes];
    }
}
