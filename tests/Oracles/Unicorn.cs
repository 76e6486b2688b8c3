using System.Runtime.InteropServices;

namespace Translator.Oracles;

/// <summary>
/// Unicorn 2 (Debian's libunicorn2) as the oracle of instruction semantics, in process through
/// P/Invoke. One instance is one emulated ARM CPU with its own memory.
/// </summary>
public sealed unsafe partial class Unicorn : IDisposable
{
    private const string Library = "libunicorn.so.2";
    public const int ArchArm = 1;
    public const int ModeArm = 0;
    public const int ModeThumb = 1 << 4;

    /// <summary>Register numbers of unicorn/arm.h.</summary>
    public static class Reg
    {
        public const int Cpsr = 3, Fpexc = 4, Fpscr = 6, Lr = 10, Pc = 11, Sp = 12, Spsr = 13, D0 = 14, R0 = 66;
        public static int R(int n) => n switch { 13 => Sp, 14 => Lr, 15 => Pc, _ => R0 + n };
        public static int D(int n) => D0 + n;
    }

    public const uint PermAll = 7;

    private nint _handle;

    public static bool Available
    {
        get
        {
            if (!NativeLibrary.TryLoad(Library, out var h)) return false;
            NativeLibrary.Free(h);
            return true;
        }
    }

    public Unicorn(bool thumb = false)
    {
        Check(uc_open(ArchArm, thumb ? ModeThumb : ModeArm, out _handle), "uc_open");
    }

    public void Map(uint address, uint size) => Check(uc_mem_map(_handle, address, size, PermAll), $"uc_mem_map 0x{address:x}");

    public void Write(uint address, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes) Check(uc_mem_write(_handle, address, p, (nuint)bytes.Length), $"uc_mem_write 0x{address:x}");
    }

    public byte[] Read(uint address, int length)
    {
        var data = new byte[length];
        fixed (byte* p = data) Check(uc_mem_read(_handle, address, p, (nuint)length), $"uc_mem_read 0x{address:x}");
        return data;
    }

    public void SetReg(int reg, uint value) => Check(uc_reg_write(_handle, reg, &value), $"uc_reg_write {reg}");

    public uint GetReg(int reg)
    {
        ulong value = 0; // D registers are 64-bit; read into a wide slot either way.
        Check(uc_reg_read(_handle, reg, &value), $"uc_reg_read {reg}");
        return (uint)value;
    }

    public void SetReg64(int reg, ulong value) => Check(uc_reg_write(_handle, reg, &value), $"uc_reg_write {reg}");

    public ulong GetReg64(int reg)
    {
        ulong value = 0;
        Check(uc_reg_read(_handle, reg, &value), $"uc_reg_read {reg}");
        return value;
    }

    /// <summary>Runs from <paramref name="begin"/> (with bit 0 set for Thumb) for at most <paramref name="count"/> instructions; returns Unicorn's error code (0 = OK).</summary>
    public int Run(uint begin, uint until, int count) => uc_emu_start(_handle, begin, until, 0, (nuint)count);

    public static string ErrorText(int err) => Marshal.PtrToStringAnsi(uc_strerror(err)) ?? $"error {err}";

    private static void Check(int err, string what)
    {
        if (err != 0) throw new InvalidOperationException($"{what}: {ErrorText(err)}");
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            _ = uc_close(_handle);
            _handle = 0;
        }
    }

    [LibraryImport(Library)] private static partial int uc_open(int arch, int mode, out nint uc);
    [LibraryImport(Library)] private static partial int uc_close(nint uc);
    [LibraryImport(Library)] private static partial int uc_mem_map(nint uc, ulong address, nuint size, uint perms);
    [LibraryImport(Library)] private static partial int uc_mem_write(nint uc, ulong address, byte* bytes, nuint size);
    [LibraryImport(Library)] private static partial int uc_mem_read(nint uc, ulong address, byte* bytes, nuint size);
    [LibraryImport(Library)] private static partial int uc_reg_write(nint uc, int regid, void* value);
    [LibraryImport(Library)] private static partial int uc_reg_read(nint uc, int regid, void* value);
    [LibraryImport(Library)] private static partial int uc_emu_start(nint uc, ulong begin, ulong until, ulong timeout, nuint count);
    [LibraryImport(Library)] private static partial nint uc_strerror(int code);
}
