using System.Runtime.InteropServices;
using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.Exceptions;
using Translator.Hypervisor.Interrupts;
using Translator.Hypervisor.Memory;
using Translator.Hypervisor.Timers;
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
/// A virtual CPU: the guest state in native memory, the guest's memory view, the dispatcher that
/// runs translated code on them, and the generic timer. Exits that translated code cannot handle come
/// back here and go to the platform's handler.
///
/// Interrupts: an interrupt controller drives the IRQ and FIQ lines (<see cref="SetInterruptLine"/>).
/// A rising line lowers the retire limit, so that compiled regions return at their next back edge,
/// and sets a bit of the state's pending word, which the dispatcher checks before every block; the
/// vCPU then takes the interrupt if CPSR does not mask it, with the next instruction to run as the
/// preferred return address. With --icount (<see cref="GuestClock.CountsInstructions"/>) the run is cut
/// into slices that end where the next timer deadline falls, so an interrupt is taken at the first
/// point at or after the deadline where the engine checks (between blocks; at a compiled region's back
/// edges and exits), the same point in every run.
/// </summary>
public sealed unsafe class VCpu : IDisposable
{
    public CpuState* State { get; private set; }
    public GuestMemory Memory { get; }
    public Dispatcher Dispatcher { get; }
    public BlockExit Exit { get; } = new();
    public ExitStatistics Exits { get; } = new();
    public GuestClock Clock { get; }
    public GenericTimer Timer { get; }
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

    /// <param name="countInstructions">Guest time follows retired instructions (--icount) instead of host time.</param>
    public VCpu(GuestMemory memory, EngineOptions engine, SensitiveMode sensitive, bool countInstructions = false)
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
        Clock = countInstructions ? GuestClock.CountingInstructions(State) : GuestClock.HostTime();
        Timer = new GenericTimer(Clock, RequestAttention);
        if (countInstructions) Timer.DeadlineArmed = deadline => State->RetireLimit = Math.Min(State->RetireLimit, Clock.RetiredAt(deadline));
    }

    /// <summary>Drives the IRQ or FIQ input; an interrupt controller calls this on the vCPU's thread.</summary>
    public void SetInterruptLine(InterruptLine line, bool level)
    {
        uint bit = line == InterruptLine.Irq ? CpuState.PendingIrq : CpuState.PendingFiq;
        if (!level)
        {
            Interlocked.And(ref State->Pending, ~bit);
            return;
        }
        Interlocked.Or(ref State->Pending, bit);
        State->RetireLimit = 0;
    }

    /// <summary>
    /// From any thread: asks the run loop to come back to the hypervisor at the next block boundary (or
    /// out of a WFI), where <see cref="Attention"/> runs on the vCPU's thread.
    /// </summary>
    public void RequestAttention()
    {
        Interlocked.Or(ref State->Pending, CpuState.PendingAttention);
        State->RetireLimit = 0;
        _wake.Set();
    }

    /// <summary>
    /// Runs on the vCPU's thread after <see cref="RequestAttention"/>: where the board moves what other
    /// threads produced (console input) into its devices, which may raise interrupts.
    /// </summary>
    public Action? Attention { get; set; }

    /// <summary>
    /// Whether something outside the guest (console input) may still wake a WFI that no interrupt or
    /// timer can: then such a WFI waits instead of ending the run.
    /// </summary>
    public Func<bool>? ExternalWakeUp { get; set; }

    private readonly AutoResetEvent _wake = new(false);

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
        State->Cpacr = IR.Semantics.VfpSystem.CpacrReadsAsOne;
        State->T = entry & 1;
        State->R[15] = entry & ~1u;
    }

    /// <summary>Runs until the handler says stop or <paramref name="retireLimit"/> instructions have retired; returns whether it was stopped.</summary>
    public bool Run(IExitHandler handler, ulong retireLimit, CancellationToken cancel = default)
    {
        while (!cancel.IsCancellationRequested && State->Retired < retireLimit)
        {
            TakeInterrupt();
            // Bounded slices keep cancellation (timeouts) responsive; with --icount a slice also ends at the timer's deadline.
            ulong slice = Math.Min(retireLimit, State->Retired + 1_000_000);
            if (Clock.CountsInstructions && Timer.NextDeadline is { } deadline) slice = Math.Min(slice, Clock.RetiredAt(deadline));
            var kind = Dispatcher.Run(State, Memory, Exit, slice, vmid: Vmid);
            // An interrupt is taken at the top of the loop.
            if (kind is ExitKind.Continue or ExitKind.Interrupt) continue;
            if (kind == ExitKind.Dispatcher)
            {
                Exits.Count(ExitReason.StateChange, 0);
                continue;
            }
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            bool handled = kind switch
            {
                // An emulated WFI leaves a WaitForInterrupt exit behind it.
                ExitKind.Trap => EmulateTrap() || (Exit.Kind == ExitKind.WaitForInterrupt && WaitForInterrupt(cancel)),
                ExitKind.WaitForInterrupt => WaitForInterrupt(cancel),
                _ => false,
            };
            if (handled)
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
    /// Brings the timer's outputs up to date and takes an interrupt whose line is up and which CPSR
    /// does not mask (FIQ before IRQ), at the next instruction to run; each one taken counts as an
    /// interrupt exit, with its cost.
    /// </summary>
    private void TakeInterrupt()
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        ServiceAttention();
        Timer.Update();
        GuestException kind;
        if ((State->Pending & CpuState.PendingFiq) != 0 && State->F == 0) kind = GuestException.Fiq;
        else if ((State->Pending & CpuState.PendingIrq) != 0 && State->I == 0) kind = GuestException.Irq;
        else return;
        ExceptionEntry.Enter(State, kind, State->R[15]);
        Exits.Count(ExitReason.Interrupt, System.Diagnostics.Stopwatch.GetTimestamp() - start);
    }

    private void ServiceAttention()
    {
        if ((State->Pending & CpuState.PendingAttention) == 0) return;
        Interlocked.And(ref State->Pending, ~CpuState.PendingAttention);
        Attention?.Invoke();
    }

    /// <summary>
    /// WFI: returns once an interrupt is pending, masked or not, as the architecture specifies; with
    /// host time the thread sleeps until the timer's next deadline, with --icount guest time jumps to
    /// it. Returns false when nothing could ever wake it (no line up, no timer armed), leaving a
    /// WaitForInterrupt exit for the platform to report.
    /// </summary>
    private bool WaitForInterrupt(CancellationToken cancel)
    {
        WaitHandle[] wakers = [cancel.WaitHandle, _wake];
        while (true)
        {
            ServiceAttention();
            Timer.Update();
            if ((State->Pending & (CpuState.PendingIrq | CpuState.PendingFiq)) != 0 || cancel.IsCancellationRequested) return true;
            bool external = ExternalWakeUp?.Invoke() == true;
            if (Timer.NextDeadline is not { } deadline)
            {
                if (external)
                {
                    WaitHandle.WaitAny(wakers);
                    continue;
                }
                Exit.Kind = ExitKind.WaitForInterrupt;
                Exit.Pc = State->R[15];
                return false;
            }
            if (Clock.CountsInstructions) Clock.SkipTo(deadline);
            else WaitHandle.WaitAny(wakers, Clock.Until(deadline));
        }
    }

    /// <summary>
    /// Emulates a trapped instruction and resumes after it; an access the
    /// architecture makes UNDEFINED becomes the undefined-instruction exception, and one not modelled
    /// yet goes to the platform with its description. Returns whether the guest can simply go on.
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
                s->Dfsr = FaultStatus.InFormat(exit.FaultStatus, LongFaultFormat) | (exit.FaultIsWrite ? FaultStatus.WriteNotRead : 0);
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
                s->Ifsr = FaultStatus.InFormat(exit.Immediate != 0 ? exit.Immediate : FaultStatus.SynchronousExternal, LongFaultFormat);
                s->Ifar = exit.Thumb && FetchStatus(exit.Pc, 2, Modes.IsPrivileged(s->Mode)) == 0 ? exit.Pc + 2 : exit.Pc;
                break;
            case ExitKind.Exception when exit.Exception == ExceptionKind.Breakpoint:
                // With no debugger attached, BKPT is a debug event that the core reports as a prefetch abort.
                kind = GuestException.PrefetchAbort;
                s->Ifsr = FaultStatus.InFormat(FaultStatus.DebugEvent, LongFaultFormat);
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
        // A handler that starts with an UNDEFINED instruction, when the undefined-instruction handler does
        // too (a program without vectors over erased flash at address 0), enters a loop the guest never
        // leaves: the run stops at the exception that would enter it, which is what went wrong.
        uint undefinedVector = ExceptionEntry.VectorAddress(s, GuestException.Undefined);
        if (StartsUndefined(vector, out uint word) && StartsUndefined(undefinedVector, out _))
        {
            why = vector == undefinedVector
                ? $"its Undefined vector at 0x{vector:x8} holds an undefined instruction (0x{word:x8}) too, so no handler can run"
                : $"its {kind} vector at 0x{vector:x8} holds an undefined instruction (0x{word:x8}), as does its Undefined vector at 0x{undefinedVector:x8}, so no handler can run";
            return false;
        }
        // An undefined instruction or a prefetch abort raised by the first instruction of its own
        // handler would be raised again on every entry: such a guest (erased flash at the vectors, say)
        // can never run on, so the run stops instead of spinning.
        if (kind is GuestException.Undefined or GuestException.PrefetchAbort && exit.Kind == ExitKind.Exception && exit.Pc == vector
            && Modes.IsPrivileged(s->Mode) && ExceptionEntry.TargetMode(kind) == (ProcessorMode)s->Mode)
        {
            why = $"its {kind} handler at 0x{vector:x8} raises the same exception at its first instruction, so it would never run";
            return false;
        }
        ExceptionEntry.Enter(s, kind, preferred);
        return true;
    }

    /// <summary>Whether an ARM-state handler at <paramref name="vector"/> starts with an instruction that is UNDEFINED on this processor.</summary>
    private bool StartsUndefined(uint vector, out uint word)
    {
        word = 0;
        return (State->Sctlr & ExceptionEntry.SctlrTe) == 0 && Memory.TryFetch(vector, 4, privileged: true, out word, out _, out _) == 0
            && Frontend.A32.A32Table.CortexA15.Decode(word).IsUndefined;
    }

    /// <summary>Whether the fault status registers take the long-descriptor format (TTBCR.EAE).</summary>
    private bool LongFaultFormat => (State->Ttbcr & ShortDescriptorWalk.TtbcrEae) != 0;

    private uint FetchStatus(uint address, int size, bool privileged) => Memory.TryFetch(address, size, privileged, out _, out _, out _);

    private static string Describe(uint status) =>
        status == FaultStatus.SynchronousExternal ? "no memory there" : $"IFSR 0x{status:x3}";

    public void Dispose()
    {
        Timer.Dispose();
        Dispatcher.Dispose();
        _wake.Dispose();
        if (_owner.IsAllocated) _owner.Free();
        if (State != null)
        {
            NativeMemory.Free(State);
            State = null;
        }
    }
}
