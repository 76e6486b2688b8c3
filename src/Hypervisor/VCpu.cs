using System.Runtime.InteropServices;
using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.Exceptions;
using Translator.Hypervisor.Memory;
using Translator.IR;
using Translator.Hypervisor.SystemRegisters;
using Translator.Hypervisor.Traps;
using Translator.IR.State;

namespace Translator.Hypervisor;

/// <summary>What the owner of a vCPU decides about an exit it was shown.</summary>
public enum ExitAction { Resume, Stop }

/// <summary>Handles the exits the vCPU does not handle itself (semihosting, devices, faults), by platform policy.</summary>
public interface IExitHandler
{
    ExitAction Handle(VCpu cpu, BlockExit exit);
}

/// <summary>
/// A virtual CPU: the guest state in native memory, the guest's memory view, and the dispatcher
/// that runs translated code on them. Exits that translated code cannot handle come back here and
/// go to the platform's handler.
/// </summary>
public sealed unsafe class VCpu : IDisposable
{
    public CpuState* State { get; private set; }
    public GuestMemory Memory { get; }
    public Dispatcher Dispatcher { get; }
    public BlockExit Exit { get; } = new();
    public ExitStatistics Exits { get; } = new();
    private readonly TrapEmulator _traps;

    /// <summary>The physical base of the board's private peripherals (the GIC), which CBAR reports.</summary>
    public uint PeripheralBase { get; set; }

    /// <summary>The VMID of the VM this vCPU belongs to, part of every block key.</summary>
    public byte Vmid { get; init; }
    public SystemRegisterTable Registers { get; } = SystemRegisterTable.CortexA15();
    public PerformanceMonitors Pmu { get; private set; } = new();
    public DebugRegisters Debug { get; private set; } = new();
    private readonly LoweredSystemRegisters _lowered;
    private GCHandle _owner;

    public VCpu(GuestMemory memory, EngineOptions engine, SensitiveMode sensitive)
    {
        State = (CpuState*)NativeMemory.AllocZeroed((nuint)sizeof(CpuState));
        Memory = memory;
        memory.State = State;
        var source = new GuestBlockSource(memory, sensitive, Registers);
        Dispatcher = new Dispatcher(source, engine);
        memory.Code = Dispatcher.Cache;
        _traps = new TrapEmulator(this, Registers, source);
        _lowered = new LoweredSystemRegisters(this, Registers);
        _owner = GCHandle.Alloc(_lowered);
        State->Owner = GCHandle.ToIntPtr(_owner);
    }

    /// <summary>System-register accesses that translated code made through call-outs (translate mode).</summary>
    public long LoweredSystemRegisterCalls => _lowered.Calls;

    /// <summary>
    /// Resets to the state a program sees on entry: SVC mode, A/I/F masked, ARM or Thumb by bit 0 of
    /// the entry, the system registers at their reset values (MMU and caches off, low vectors, no
    /// access to the floating-point coprocessors until CPACR grants it).
    /// </summary>
    public void Reset(uint entry)
    {
        *State = default;
        Pmu = new PerformanceMonitors();
        Debug = new DebugRegisters();
        State->Owner = GCHandle.ToIntPtr(_owner);
        State->Mode = (uint)ProcessorMode.Supervisor;
        State->A = State->I = State->F = 1;
        State->Sctlr = SystemControl.SctlrReset;
        State->T = entry & 1;
        State->R[15] = entry & ~1u;
    }

    /// <summary>Runs until the handler says stop or <paramref name="retireLimit"/> instructions have retired; returns whether it was stopped.</summary>
    public bool Run(IExitHandler handler, ulong retireLimit, CancellationToken cancel = default)
    {
        while (!cancel.IsCancellationRequested && State->Retired < retireLimit)
        {
            // Bounded slices keep cancellation (timeouts, interrupts later) responsive.
            ulong slice = Math.Min(retireLimit, State->Retired + 1_000_000);
            var kind = Dispatcher.Run(State, Memory, Exit, slice, vmid: Vmid);
            if (kind == ExitKind.Continue) continue;
            if (kind == ExitKind.Dispatcher)
            {
                Exits.Count(ExitReason.StateChange, 0);
                continue;
            }
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            if (kind == ExitKind.Trap && EmulateTrap())
            {
                Exits.Count(kind, System.Diagnostics.Stopwatch.GetTimestamp() - start);
                continue;
            }
            var action = handler.Handle(this, Exit);
            Exits.Count(kind, System.Diagnostics.Stopwatch.GetTimestamp() - start);
            if (action == ExitAction.Stop) return true;
        }
        return false;
    }

    /// <summary>
    /// Emulates a trapped instruction and resumes after it; an access the architecture makes
    /// UNDEFINED becomes the undefined-instruction exception, and one not modelled yet goes to the
    /// platform with its description. Returns whether the guest can simply go on.
    /// </summary>
    private bool EmulateTrap()
    {
        switch (_traps.Emulate(Exit, out string detail))
        {
            case TrapOutcome.Emulated:
                // Resume after the instruction: a Thumb one may be 16-bit, and it advances the IT state.
                State->R[15] = Exit.Pc + (Exit.Thumb && Exit.Word <= 0xFFFF ? 2u : 4u);
                if (Exit.Thumb) State->IT = new Frontend.Thumb.ItState((byte)State->IT).Advance().Value;
                return true;
            case TrapOutcome.Resumed:
                return true;
            case TrapOutcome.Exited:
                return false;
            case TrapOutcome.Undefined:
                Exit.Kind = ExitKind.Exception;
                Exit.Exception = IR.ExceptionKind.Undefined;
                Exit.FaultReason = detail;
                return false;
            default:
                Exit.FaultReason = detail;
                return false;
        }
    }

    /// <summary>
    /// Forwards the exception or abort an exit reports into the guest's own vectors, with the
    /// architecture's entry rules and fault registers. Returns false, saying why, when the guest has
    /// no handler to run: its vector address holds no memory to fetch from.
    /// </summary>
    public bool Forward(BlockExit exit, out string why)
    {
        var s = State;
        why = "";
        GuestException kind;
        uint preferred = exit.Pc;
        switch (exit.Kind)
        {
            case ExitKind.Abort:
                kind = GuestException.DataAbort;
                s->Dfsr = exit.FaultStatus | (exit.FaultIsWrite ? FaultStatus.WriteNotRead : 0);
                s->Dfar = exit.FaultAddress;
                break;
            case ExitKind.Exception when exit.Exception == ExceptionKind.SupervisorCall:
                kind = GuestException.SupervisorCall;
                preferred = exit.Pc + (exit.Thumb ? 2u : 4u);
                break;
            case ExitKind.Exception when exit.Exception == ExceptionKind.PrefetchAbort:
                kind = GuestException.PrefetchAbort;
                // The block that could not fetch its first instruction carries the fault status as its
                // immediate. IFAR is the address that faulted: for a 32-bit Thumb instruction whose first
                // halfword could be fetched, its second halfword's.
                s->Ifsr = exit.Immediate != 0 ? exit.Immediate : FaultStatus.SynchronousExternal;
                s->Ifar = exit.Thumb && FetchStatus(exit.Pc, 2, Modes.IsPrivileged(s->Mode)) == 0 ? exit.Pc + 2 : exit.Pc;
                break;
            case ExitKind.Exception when exit.Exception == ExceptionKind.Breakpoint:
                // With no debugger attached, BKPT is a debug event that the core reports as a prefetch abort.
                kind = GuestException.PrefetchAbort;
                s->Ifsr = FaultStatus.DebugEvent;
                break;
            case ExitKind.Exception:
                // UDF and undefined encodings, and HVC and SMC, which are UNDEFINED without the
                // Virtualization and Security Extensions.
                kind = GuestException.Undefined;
                break;
            default:
                throw new ArgumentException($"a {exit.Kind} exit is not a guest exception", nameof(exit));
        }
        s->T = exit.Thumb ? 1u : 0u;
        // The handler runs privileged. A vector that cannot be fetched gives the guest a prefetch abort
        // there, unless the prefetch abort's own vector cannot be fetched either: that would loop.
        uint vector = ExceptionEntry.VectorAddress(s, kind);
        uint abortVector = ExceptionEntry.VectorAddress(s, GuestException.PrefetchAbort);
        if (FetchStatus(abortVector, 4, privileged: true) is var status and not 0 && (kind == GuestException.PrefetchAbort || FetchStatus(vector, 4, privileged: true) != 0))
        {
            why = kind == GuestException.PrefetchAbort || vector == abortVector
                ? $"its prefetch abort vector at 0x{abortVector:x8} cannot be fetched ({Describe(status)})"
                : $"neither its {kind} vector at 0x{vector:x8} nor its prefetch abort vector at 0x{abortVector:x8} can be fetched ({Describe(status)})";
            return false;
        }
        ExceptionEntry.Enter(s, kind, preferred);
        return true;
    }

    private uint FetchStatus(uint address, int size, bool privileged) => Memory.TryFetch(address, size, privileged, out _, out _, out _);

    private static string Describe(uint status) =>
        status == FaultStatus.SynchronousExternal ? "no memory there" : $"IFSR 0x{status:x3}";

    public void Dispose()
    {
        Dispatcher.Dispose();
        if (_owner.IsAllocated) _owner.Free();
        if (State != null)
        {
            NativeMemory.Free(State);
            State = null;
        }
    }
}
