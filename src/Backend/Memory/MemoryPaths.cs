using System.Runtime.CompilerServices;
using Translator.Backend.Execution;
using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Memory;

/// <summary>
/// The out-of-line memory paths both engines share: TLB misses, unaligned and special accesses,
/// and the local exclusive monitor. A fault is recorded in the block's exit (kind Abort, the PC of
/// the faulting instruction) and the caller leaves the block; no exception crosses translated code.
/// </summary>
public static unsafe class MemoryPaths
{
    public static ulong Read(IGuestMemory memory, BlockExit exit, CpuState* state, uint address, int size, MemoryAccess access, uint pc)
    {
        try
        {
            return memory.Read(address, size, access);
        }
        catch (GuestAbortException fault)
        {
            RecordAbort(exit, state, fault, pc);
            return 0;
        }
    }

    public static void Write(IGuestMemory memory, BlockExit exit, CpuState* state, uint address, int size, ulong value, MemoryAccess access, uint pc)
    {
        try
        {
            memory.Write(address, size, value, access);
        }
        catch (GuestAbortException fault)
        {
            RecordAbort(exit, state, fault, pc);
        }
    }

    public static ulong LoadExclusive(IGuestMemory memory, BlockExit exit, CpuState* state, uint address, int size, MemoryAccess access, uint pc)
    {
        ulong v = Read(memory, exit, state, address, size, access | MemoryAccess.Aligned, pc);
        if (exit.Kind != ExitKind.Abort)
        {
            state->ExclusiveAddress = address;
            state->ExclusiveValue = v;
            state->ExclusiveOpen = 1;
        }
        return v;
    }

    /// <summary>
    /// STREX: returns 0 when it stored, 1 when not; the monitor is cleared either way. The monitor is
    /// QEMU's (and so Unicorn's): the granule is the exact address the load-exclusive tagged, and the
    /// store passes only if memory still holds the value that was loaded. A plain store by this CPU to
    /// the tagged address therefore clears the monitor exactly when it changes the value there, one
    /// choice among the IMPLEMENTATION DEFINED ones the architecture allows. Sizes are not matched:
    /// memory is compared with the loaded value at the store's size to decide whether to store, but
    /// with the loaded value taken as 32 bits (64 for STREXD) to give the status, so a store narrower
    /// than its load-exclusive can land and still return 1. A load/store-exclusive pair of different
    /// sizes is CONSTRAINED UNPREDICTABLE with UNKNOWN status and data, which covers this.
    /// </summary>
    public static uint StoreExclusive(IGuestMemory memory, BlockExit exit, CpuState* state, uint address, int size, ulong value, MemoryAccess access, uint pc)
    {
        if (state->ExclusiveOpen == 0 || state->ExclusiveAddress != address)
        {
            state->ExclusiveOpen = 0;
            return 1;
        }
        ulong current = Read(memory, exit, state, address, size, access | MemoryAccess.Aligned, pc);
        if (exit.Kind == ExitKind.Abort) return 1;
        ulong sizeMask = size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
        if (current == (state->ExclusiveValue & sizeMask))
        {
            Write(memory, exit, state, address, size, value, access | MemoryAccess.Aligned, pc);
            if (exit.Kind == ExitKind.Abort) return 1;
        }
        state->ExclusiveOpen = 0;
        ulong loaded = size == 8 ? state->ExclusiveValue : (uint)state->ExclusiveValue;
        return current == loaded ? 0u : 1u;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecordAbort(BlockExit exit, CpuState* state, GuestAbortException fault, uint pc)
    {
        exit.Kind = ExitKind.Abort;
        exit.Pc = pc;
        exit.Thumb = state->T != 0;
        exit.FaultAddress = fault.Address;
        exit.FaultIsWrite = fault.IsWrite;
        exit.FaultStatus = fault.Status;
        exit.FaultReason = fault.Message;
        state->R[15] = pc;
    }
}
