using System.Runtime.InteropServices;
using Translator.Backend.Memory;
using Translator.IR;

namespace Translator.Backend.Tests;

/// <summary>
/// Guest memory for engine tests: 64 KiB at address 0 in one native block. Even pages are in the TLB
/// (the inline fast path); odd pages only through the slow path; anything above 64 KiB aborts.
/// </summary>
internal sealed unsafe class FlatMemory : IGuestMemory, IDisposable
{
    public const int Bytes = 64 * 1024;
    public byte* Base { get; }
    public SoftTlb Tlb { get; } = new();

    public nint SelectTlb(IR.State.CpuState* state) => (nint)Tlb.Entries;

    public FlatMemory(int seed)
    {
        Base = (byte*)NativeMemory.AllocZeroed(Bytes);
        new Random(seed).NextBytes(new Span<byte>(Base, Bytes));
        for (uint page = 0; page < Bytes; page += 4096)
            if ((page >> 12) % 2 == 0) Tlb.Fill(page, (nint)(Base + page), read: true, write: true, exec: true);
    }

    public ulong Read(uint address, int size, MemoryAccess access)
    {
        Check(address, size, write: false, access);
        ulong v = 0;
        for (int k = 0; k < size; k++) v |= (ulong)Base[address + k] << (8 * k);
        return v;
    }

    public void Write(uint address, int size, ulong value, MemoryAccess access)
    {
        Check(address, size, write: true, access);
        for (int k = 0; k < size; k++) Base[address + k] = (byte)(value >> (8 * k));
    }

    public void CodeWritten(uint address, int size) { }

    private static void Check(uint address, int size, bool write, MemoryAccess access)
    {
        if ((ulong)address + (ulong)size > Bytes) throw new GuestAbortException(address, write, 0x8, "outside RAM");
        if (access.HasFlag(MemoryAccess.Aligned) && address % size != 0) throw new GuestAbortException(address, write, 0x1, "unaligned");
    }

    public byte[] Snapshot() => new Span<byte>(Base, Bytes).ToArray();

    public void Dispose()
    {
        Tlb.Dispose();
        NativeMemory.Free(Base);
    }
}
