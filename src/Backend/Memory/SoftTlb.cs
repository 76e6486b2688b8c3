using System.Runtime.InteropServices;

namespace Translator.Backend.Memory;

/// <summary>
/// One entry of the software TLB: the guest page it maps for reads, writes and instruction fetch
/// (a tag of <see cref="Invalid"/> or with a low bit set never matches an aligned access), and the
/// difference between host and guest addresses on that page.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TlbEntry
{
    /// <summary>Bits 11:3 set: no access of 8 bytes or less, masked as the fast path masks it, can equal this.</summary>
    public const uint Invalid = uint.MaxValue;

    public uint ReadTag;
    public uint WriteTag;
    public uint ExecTag;
    public uint Padding;
    public nint Addend;
}

/// <summary>
/// The per-vCPU software TLB, a direct-mapped table in native memory that the compiled code indexes
/// directly: entry = (address >> 12) &amp; (Size - 1); hit when the entry's tag equals the address's
/// page (and, for a multi-byte access, its low alignment bits are zero).
/// </summary>
public sealed unsafe class SoftTlb : IDisposable
{
    public const int IndexBits = 10;
    public const int Size = 1 << IndexBits;
    public const int PageBits = 12;
    public const uint PageMask = ~0xFFFu;

    public TlbEntry* Entries { get; private set; }

    public SoftTlb()
    {
        Entries = (TlbEntry*)NativeMemory.AlignedAlloc((nuint)(Size * sizeof(TlbEntry)), 64);
        FlushAll();
    }

    public static int IndexOf(uint address) => (int)((address >> PageBits) & (Size - 1));

    public void FlushAll()
    {
        for (int k = 0; k < Size; k++) Entries[k] = new TlbEntry { ReadTag = TlbEntry.Invalid, WriteTag = TlbEntry.Invalid, ExecTag = TlbEntry.Invalid };
    }

    public void FlushPage(uint address)
    {
        ref var e = ref Entries[IndexOf(address)];
        uint page = address & PageMask;
        if (e.ReadTag == page) e.ReadTag = TlbEntry.Invalid;
        if (e.WriteTag == page) e.WriteTag = TlbEntry.Invalid;
        if (e.ExecTag == page) e.ExecTag = TlbEntry.Invalid;
    }

    /// <summary>Maps a guest page to host memory for the given kinds of access.</summary>
    public void Fill(uint address, nint hostPage, bool read, bool write, bool exec)
    {
        ref var e = ref Entries[IndexOf(address)];
        uint page = address & PageMask;
        e.ReadTag = read ? page : TlbEntry.Invalid;
        e.WriteTag = write ? page : TlbEntry.Invalid;
        e.ExecTag = exec ? page : TlbEntry.Invalid;
        e.Addend = hostPage - (nint)page;
    }

    /// <summary>The host address of a guest read that hits, or null.</summary>
    public byte* TryRead(uint address, int size)
    {
        ref var e = ref Entries[IndexOf(address)];
        return e.ReadTag == (address & (PageMask | (uint)(size - 1))) ? (byte*)(e.Addend + (nint)address) : null;
    }

    public byte* TryWrite(uint address, int size)
    {
        ref var e = ref Entries[IndexOf(address)];
        return e.WriteTag == (address & (PageMask | (uint)(size - 1))) ? (byte*)(e.Addend + (nint)address) : null;
    }

    public void Dispose()
    {
        if (Entries != null)
        {
            NativeMemory.AlignedFree(Entries);
            Entries = null;
        }
    }
}
