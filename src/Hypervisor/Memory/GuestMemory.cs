using Translator.Backend.Execution;
using Translator.Backend.Memory;
using Translator.Hypervisor.Exceptions;
using Translator.IR;

namespace Translator.Hypervisor.Memory;

/// <summary>
/// The guest's memory with the MMU off: virtual = physical. RAM pages are entered in the software
/// TLB on first use (so the inline fast path handles them afterwards); device windows always take
/// the slow path; anything else is an abort. Pages holding translated code are never writable
/// through the TLB, so a store to them reaches <see cref="CodeWritten"/> and invalidates their blocks.
/// </summary>
public sealed unsafe class GuestMemory(PhysicalMap map, BlockCache? code = null) : IGuestMemory, IDisposable
{
    public SoftTlb Tlb { get; } = new();
    public PhysicalMap Map { get; } = map;
    public BlockCache? Code { get; set; } = code;

    public long TlbMisses { get; private set; }
    public long MmioAccesses { get; private set; }
    public long CodeInvalidations { get; private set; }

    public ulong Read(uint address, int size, MemoryAccess access)
    {
        if (Map.RamAt(address) is { } ram && ram.Contains(address, (uint)size))
        {
            CheckAlignment(address, size, access, write: false);
            Fill(ram, address);
            byte* p = ram.Host + (address - ram.Base);
            return size switch { 1 => *p, 2 => *(ushort*)p, 4 => *(uint*)p, _ => *(ulong*)p };
        }
        if (Map.DeviceAt(address) is { } dev)
        {
            MmioAccesses++;
            if (size == 8) return dev.Device.Read(address - dev.Base, 4) | ((ulong)dev.Device.Read(address - dev.Base + 4, 4) << 32);
            return DeviceRead(dev, address, size);
        }
        throw new GuestAbortException(address, false, FaultStatus.SynchronousExternal, $"read of {size} bytes at 0x{address:x8}: no RAM or device there");
    }

    public void Write(uint address, int size, ulong value, MemoryAccess access)
    {
        if (Map.RamAt(address) is { } ram && ram.Contains(address, (uint)size))
        {
            CheckAlignment(address, size, access, write: true);
            byte* p = ram.Host + (address - ram.Base);
            switch (size)
            {
                case 1: *p = (byte)value; break;
                case 2: *(ushort*)p = (ushort)value; break;
                case 4: *(uint*)p = (uint)value; break;
                default: *(ulong*)p = value; break;
            }
            if (Code is { } code && (code.HoldsCode(address) || code.HoldsCode(address + (uint)size - 1)))
                CodeWritten(address, size);
            else
                Fill(ram, address);
            return;
        }
        if (Map.DeviceAt(address) is { } dev)
        {
            MmioAccesses++;
            try
            {
                if (size == 8)
                {
                    dev.Device.Write(address - dev.Base, 4, (uint)value);
                    dev.Device.Write(address - dev.Base + 4, 4, (uint)(value >> 32));
                }
                else dev.Device.Write(address - dev.Base, size, (uint)value);
            }
            catch (MmioException e)
            {
                throw new GuestAbortException(address, true, FaultStatus.SynchronousExternal, $"write of {size} bytes to {dev.Device.Name} at 0x{address:x8}: {e.Message}");
            }
            return;
        }
        throw new GuestAbortException(address, true, FaultStatus.SynchronousExternal, $"write of {size} bytes at 0x{address:x8}: no RAM or device there");
    }

    public void CodeWritten(uint address, int size)
    {
        if (Code is null) return;
        CodeInvalidations += Code.InvalidatePage(address);
        if (((address + (uint)size - 1) >> 12) != (address >> 12)) CodeInvalidations += Code.InvalidatePage(address + (uint)size - 1);
    }

    /// <summary>Reads instruction bytes for the translator (never a device).</summary>
    public bool TryFetch(uint address, int size, out uint value)
    {
        value = 0;
        if (Map.RamAt(address) is not { } ram || !ram.Contains(address, (uint)size)) return false;
        byte* p = ram.Host + (address - ram.Base);
        value = size == 2 ? *(ushort*)p : *(uint*)p;
        return true;
    }

    /// <summary>Call when a page starts holding translated code: its write entry must leave the fast path.</summary>
    public void ProtectCode(uint address) => Tlb.FlushPage(address);

    private void Fill(Ram ram, uint address)
    {
        TlbMisses++;
        uint page = address & SoftTlb.PageMask;
        if (!ram.Contains(page, 4096)) return;
        bool writable = Code is null || !Code.HoldsCode(page);
        Tlb.Fill(page, (nint)(ram.Host + (page - ram.Base)), read: true, write: writable, exec: true);
    }

    private static uint DeviceRead(PhysicalMap.Region dev, uint address, int size)
    {
        try
        {
            return dev.Device.Read(address - dev.Base, size);
        }
        catch (MmioException e)
        {
            throw new GuestAbortException(address, false, FaultStatus.SynchronousExternal, $"read of {size} bytes from {dev.Device.Name} at 0x{address:x8}: {e.Message}");
        }
    }

    private static void CheckAlignment(uint address, int size, MemoryAccess access, bool write)
    {
        if ((access & MemoryAccess.Aligned) != 0 && (address & (uint)(size - 1)) != 0)
            throw new GuestAbortException(address, write, FaultStatus.Alignment, $"unaligned {(write ? "write" : "read")} of {size} bytes at 0x{address:x8}");
    }

    public void Dispose() => Tlb.Dispose();
}
