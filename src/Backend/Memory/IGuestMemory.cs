using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Memory;

/// <summary>
/// The guest's view of memory as translated code sees it: the software TLB for the inline fast path,
/// and the slow path behind it (page-table walks, MMIO, faults), which the hypervisor layer provides.
/// A slow-path access that faults throws <see cref="GuestAbortException"/> after recording the fault.
/// </summary>
public unsafe interface IGuestMemory
{
    /// <summary>
    /// The software TLB table for the state's current privilege and address space (its entries, which
    /// <see cref="CpuState.Tlb"/> points at). The dispatcher asks when the privilege or the address
    /// space changes; every change of either ends the block that makes it.
    /// </summary>
    nint SelectTlb(CpuState* state);

    /// <summary>Reads 1, 2, 4 or 8 bytes, little-endian, zero-extended.</summary>
    ulong Read(uint address, int size, MemoryAccess access);

    void Write(uint address, int size, ulong value, MemoryAccess access);

    /// <summary>Called after a store to a page that holds translated code.</summary>
    void CodeWritten(uint address, int size);
}

/// <summary>A data or prefetch abort raised by a guest memory access; the hypervisor forwards it into the guest.</summary>
public sealed class GuestAbortException(uint address, bool write, uint status, string reason) : Exception(reason)
{
    public uint Address { get; } = address;
    public bool IsWrite { get; } = write;
    /// <summary>The fault status the DFSR reports (FS[4:0] with FS[4] in bit 10, and the domain in bits 7:4).</summary>
    public uint Status { get; } = status;
}
