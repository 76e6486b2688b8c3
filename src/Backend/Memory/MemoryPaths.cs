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
            state->ExclusiveSize = (uint)size;
            state->ExclusiveValue = v;
            state->ExclusiveOpen = 1;
        }
        return v;
    }

    /// <summary>STREX: stores and returns 0 when the monitor holds the address, else returns 1; the monitor is cleared either way.</summary>
    public static uint StoreExclusive(IGuestMemory memory, BlockExit exit, CpuState* state, uint address, int size, ulong value, MemoryAccess access, uint pc)
    {
        bool pass = state->ExclusiveOpen != 0 && state->ExclusiveAddress == address && state->ExclusiveSize == (uint)size;
        if (pass)
        {
            ulong current = Read(memory, exit, state, address, size, access | MemoryAccess.Aligned, pc);
            if (exit.Kind == ExitKind.Abort) return 1;
            pass = current == state->ExclusiveValue;
        }
        if (pass) Write(memory, exit, state, address, size, value, access | MemoryAccess.Aligned, pc);
        if (exit.Kind != ExitKind.Abort) state->ExclusiveOpen = 0;
        return pass ? 0u : 1u;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecordAbort(BlockExit exit, CpuState* state, GuestAbortException fault, uint pc)
    {
        exit.Kind = ExitKind.Abort;
        exit.Pc = pc;
        exit.Thumb = state->T != 0;
        exit.FaultAddress = fault.Address;
        exit.FaultIsWrite = fault.IsWrite;
        exit.FaultReason = fault.Message;
        state->R[15] = pc;
    }
}
