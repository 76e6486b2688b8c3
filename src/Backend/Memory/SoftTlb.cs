using System.Numerics;
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
/// One direct-mapped software TLB table in native memory that the compiled code indexes directly:
/// entry = (address >> 12) &amp; (Size - 1); hit when the entry's tag equals the address's page (and,
/// for a multi-byte access, its low alignment bits are zero). Beside the entries it keeps, for the
/// slow paths only, what each entry was filled from: the domain of its translation (so that a DACR
/// write flushes only the entries of the domains whose access type changed, found through one
/// bitmap per domain), the size of the mapping (a TLB invalidation by address must drop every 4 KB
/// entry cut from the same section), and the physical page.
/// </summary>
public sealed unsafe class SoftTlb : IDisposable
{
    public const int IndexBits = 10;
    public const int Size = 1 << IndexBits;
    public const int PageBits = 12;
    public const uint PageMask = ~0xFFFu;
    /// <summary>The domain recorded for an entry filled with no domain (MMU off).</summary>
    public const byte NoDomain = 16;

    public TlbEntry* Entries { get; private set; }

    private readonly byte[] _domain = new byte[Size];
    private readonly byte[] _span = new byte[Size];
    private readonly uint[] _physical = new uint[Size];
    /// <summary>Per domain (and one for no domain), which entries hold a translation made in it.</summary>
    private readonly ulong[][] _byDomain = [.. Enumerable.Range(0, NoDomain + 1).Select(_ => new ulong[Size / 64])];
    /// <summary>Bit n set: some entry holds a mapping of 2^n bytes (n &gt; 12), which invalidation by address must look for.</summary>
    private uint _largeSpans;
    private int _filled;

    /// <summary>The DACR value this table's permissions were computed under.</summary>
    public uint Dacr { get; set; }

    public SoftTlb()
    {
        Entries = (TlbEntry*)NativeMemory.AlignedAlloc((nuint)(Size * sizeof(TlbEntry)), 64);
        for (int k = 0; k < Size; k++) Clear(k);
    }

    public static int IndexOf(uint address) => (int)((address >> PageBits) & (Size - 1));

    public bool IsEmpty => _filled == 0;

    public void FlushAll()
    {
        if (_filled == 0) return;
        for (int k = 0; k < Size; k++) Clear(k);
        foreach (var bits in _byDomain) Array.Clear(bits);
        _largeSpans = 0;
        _filled = 0;
    }

    /// <summary>Drops the translation of the page holding <paramref name="address"/>.</summary>
    public void FlushPage(uint address)
    {
        int k = IndexOf(address);
        ref var e = ref Entries[k];
        uint page = address & PageMask;
        if (e.ReadTag == page || e.WriteTag == page || e.ExecTag == page) Drop(k);
    }

    /// <summary>
    /// Drops every entry whose translation covers <paramref name="address"/>: the 4 KB page's own, and
    /// those cut from a larger page, section or supersection around it (they sit in the consecutive
    /// entries the mapping's pages index).
    /// </summary>
    public void FlushMapping(uint address)
    {
        FlushPage(address);
        for (uint spans = _largeSpans; spans != 0; spans &= spans - 1)
        {
            int span = BitOperations.TrailingZeroCount(spans);
            uint size = 1u << span, start = address & ~(size - 1);
            int count = (int)Math.Min(size >> PageBits, Size);
            for (int n = 0, k = IndexOf(start); n < count; n++, k = (k + 1) & (Size - 1))
                if (_span[k] == span && Page(k) is { } page && page - start < size) Drop(k);
        }
    }

    /// <summary>Drops every entry filled under one of the domains set in <paramref name="domains"/> (bit d: domain d).</summary>
    public void FlushDomains(uint domains)
    {
        for (; domains != 0; domains &= domains - 1)
        {
            var bits = _byDomain[BitOperations.TrailingZeroCount(domains)];
            for (int w = 0; w < bits.Length; w++)
                for (ulong word = bits[w]; word != 0; word &= word - 1)
                    Drop(w * 64 + BitOperations.TrailingZeroCount(word));
        }
    }

    /// <summary>Maps a guest page to host memory for the given kinds of access.</summary>
    public void Fill(uint address, nint hostPage, bool read, bool write, bool exec) =>
        Fill(address, hostPage, read, write, exec, address & PageMask, NoDomain, PageBits);

    /// <summary>
    /// Maps a guest page to host memory for the given kinds of access, recording the physical page,
    /// the domain and the log2 size of the translation it comes from.
    /// </summary>
    public void Fill(uint address, nint hostPage, bool read, bool write, bool exec, uint physicalPage, byte domain, int span)
    {
        int k = IndexOf(address);
        if (Page(k) is not null) Drop(k);
        ref var e = ref Entries[k];
        uint page = address & PageMask;
        e.ReadTag = read ? page : TlbEntry.Invalid;
        e.WriteTag = write ? page : TlbEntry.Invalid;
        e.ExecTag = exec ? page : TlbEntry.Invalid;
        e.Addend = hostPage - (nint)page;
        if (!read && !write && !exec) return;
        _domain[k] = domain;
        _span[k] = (byte)span;
        _physical[k] = physicalPage;
        _byDomain[domain][k >> 6] |= 1UL << (k & 63);
        if (span > PageBits) _largeSpans |= 1u << span;
        _filled++;
    }

    /// <summary>The physical page entry <paramref name="index"/> maps writable, or null.</summary>
    public uint? WritablePhysicalPage(int index) => Entries[index].WriteTag != TlbEntry.Invalid ? _physical[index] : null;

    /// <summary>Takes write permission away from an entry (its page started holding translated code).</summary>
    public void RevokeWrite(int index) => Entries[index].WriteTag = TlbEntry.Invalid;

    /// <summary>The host address of a guest read that hits in <paramref name="entries"/>, or null.</summary>
    public static byte* TryRead(TlbEntry* entries, uint address, int size)
    {
        ref var e = ref entries[IndexOf(address)];
        return e.ReadTag == (address & (PageMask | (uint)(size - 1))) ? (byte*)(e.Addend + (nint)address) : null;
    }

    public static byte* TryWrite(TlbEntry* entries, uint address, int size)
    {
        ref var e = ref entries[IndexOf(address)];
        return e.WriteTag == (address & (PageMask | (uint)(size - 1))) ? (byte*)(e.Addend + (nint)address) : null;
    }

    /// <summary>The physical page an instruction fetch from <paramref name="address"/> reaches if it hits, or null.</summary>
    public uint? ExecutablePhysicalPage(uint address)
    {
        int k = IndexOf(address);
        return Entries[k].ExecTag == (address & PageMask) ? _physical[k] : null;
    }

    private uint? Page(int k)
    {
        ref var e = ref Entries[k];
        uint tag = e.ReadTag != TlbEntry.Invalid ? e.ReadTag : e.WriteTag != TlbEntry.Invalid ? e.WriteTag : e.ExecTag;
        return tag == TlbEntry.Invalid ? null : tag;
    }

    private void Drop(int k)
    {
        if (Page(k) is null) return;
        Clear(k);
        _byDomain[_domain[k]][k >> 6] &= ~(1UL << (k & 63));
        _filled--;
    }

    private void Clear(int k) =>
        Entries[k] = new TlbEntry { ReadTag = TlbEntry.Invalid, WriteTag = TlbEntry.Invalid, ExecTag = TlbEntry.Invalid };

    public void Dispose()
    {
        if (Entries != null)
        {
            NativeMemory.AlignedFree(Entries);
            Entries = null;
        }
    }
}
