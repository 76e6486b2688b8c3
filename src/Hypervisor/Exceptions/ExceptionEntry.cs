using Translator.IR.State;

namespace Translator.Hypervisor.Exceptions;

/// <summary>
/// The architectural entry to an exception (ARM ARM B1.8, for a processor without the Security and
/// Virtualization Extensions): the CPSR is saved in the target mode's SPSR, the mode changes (banking
/// R13, R14 and the SPSR), LR takes the preferred return address plus the exception's offset, T comes
/// from SCTLR.TE, E from SCTLR.EE, IRQs are masked, aborts too for everything but undefined
/// instructions and supervisor calls, FIQs for FIQ and reset, the IT state is cleared, and execution
/// continues at the vector: VBAR, or 0xFFFF0000 when SCTLR.V selects the high vectors.
/// </summary>
public static unsafe class ExceptionEntry
{
    public const uint SctlrV = 1u << 13, SctlrEe = 1u << 25, SctlrTe = 1u << 30;
    public const uint HighVectors = 0xFFFF_0000;

    /// <summary>Where the guest's handler for this exception starts.</summary>
    public static uint VectorAddress(CpuState* state, GuestException kind) =>
        ((state->Sctlr & SctlrV) != 0 ? HighVectors : state->Vbar & ~0x1Fu) + (uint)kind;

    /// <summary>
    /// The value LR gets: <paramref name="preferredReturn"/> is the address the handler returns to in
    /// the usual case (the undefined, aborted or breakpoint instruction itself; the instruction after
    /// an SVC; the next instruction to run for an interrupt), and each exception adds its offset as
    /// the ARM ARM's table of link values gives it.
    /// </summary>
    public static uint LinkValue(GuestException kind, uint preferredReturn, bool thumb) => kind switch
    {
        // The PC read as (instruction + 8 or + 4) minus 4 or 2: + 4 in ARM state, + 2 in Thumb state
        // (for a 32-bit Thumb instruction too: it points into the instruction).
        GuestException.Undefined => preferredReturn + (thumb ? 2u : 4u),
        GuestException.SupervisorCall => preferredReturn,
        GuestException.PrefetchAbort or GuestException.Irq or GuestException.Fiq => preferredReturn + 4,
        GuestException.DataAbort => preferredReturn + 8,
        _ => 0,
    };

    public static ProcessorMode TargetMode(GuestException kind) => kind switch
    {
        GuestException.Undefined => ProcessorMode.Undefined,
        GuestException.PrefetchAbort or GuestException.DataAbort => ProcessorMode.Abort,
        GuestException.Irq => ProcessorMode.Irq,
        GuestException.Fiq => ProcessorMode.Fiq,
        _ => ProcessorMode.Supervisor,
    };

    /// <summary>Takes the exception: afterwards the state is the handler's first instruction's.</summary>
    public static void Enter(CpuState* state, GuestException kind, uint preferredReturn)
    {
        uint savedCpsr = state->Cpsr;
        bool thumb = state->T != 0;
        uint vector = VectorAddress(state, kind);
        var mode = TargetMode(kind);
        state->SwitchMode((uint)mode);
        state->Spsr[Modes.Bank((uint)mode)] = savedCpsr;
        state->R[14] = kind == GuestException.Reset ? 0 : LinkValue(kind, preferredReturn, thumb);
        state->IT = 0;
        state->T = (state->Sctlr & SctlrTe) != 0 ? 1u : 0u;
        state->E = (state->Sctlr & SctlrEe) != 0 ? 1u : 0u;
        state->I = 1;
        if (kind is not (GuestException.Undefined or GuestException.SupervisorCall)) state->A = 1;
        if (kind is GuestException.Fiq or GuestException.Reset) state->F = 1;
        state->R[15] = vector;
    }
}
