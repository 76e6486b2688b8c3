using System.Runtime.InteropServices;

namespace Translator.Hypervisor.Memory;

/// <summary>Guest RAM: one native allocation that translated code reaches through pointers.</summary>
public sealed unsafe class Ram : IDisposable
{
    public uint Base { get; }
    public uint Size { get; }
    public byte* Host { get; private set; }
    private void* _allocation;

    public Ram(uint baseAddress, uint size)
    {
        if (size == 0 || size % 4096 != 0) throw new ArgumentException($"RAM size 0x{size:x} is not a positive multiple of 4 KiB");
        if ((ulong)baseAddress + size > 1UL << 32) throw new ArgumentException($"RAM at 0x{baseAddress:x} of 0x{size:x} bytes runs past 4 GiB");
        Base = baseAddress;
        Size = size;
        // Zeroed by the allocator (fresh pages from the OS, zeroed on first touch), so a large RAM costs
        // nothing until the guest uses it; aligned to a page by hand, as no zeroing aligned allocator exists.
        _allocation = NativeMemory.AllocZeroed((nuint)size + 4096);
        Host = (byte*)(((nuint)_allocation + 4095) & ~(nuint)4095);
    }

    public bool Contains(uint address, uint length = 1) => address >= Base && (ulong)address - Base + length <= Size;

    public Span<byte> Span(uint address, int length)
    {
        if (!Contains(address, (uint)length)) throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:x}+0x{length:x} is outside RAM");
        return new Span<byte>(Host + (address - Base), length);
    }

    public void Dispose()
    {
        if (_allocation != null)
        {
            NativeMemory.Free(_allocation);
            _allocation = null;
            Host = null;
        }
    }
}
