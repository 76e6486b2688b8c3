using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>The targets of <see cref="Opcode.CallOut"/>: status-register reads and writes with the ARM ARM's rules.</summary>
public static unsafe class SystemCalls
{
    public static uint Invoke(CpuState* state, ulong kind, uint a, uint b) => (CallOutKind)kind switch
    {
        CallOutKind.ReadCpsr => state->Cpsr,
        CallOutKind.WriteCpsr => WriteCpsr(state, a, b),
        CallOutKind.ReadSpsr => state->CurrentSpsr ?? state->Cpsr,
        CallOutKind.WriteSpsr => WriteSpsr(state, a, b),
        CallOutKind.ExceptionReturn => ExceptionReturn(state, a),
        CallOutKind.SetEndianness => state->E = a & 1,
        _ => throw new InvalidOperationException($"unknown call-out {kind}"),
    };

    /// <summary>CPSRWriteByInstr for MSR (not an exception return): returns 0.</summary>
    public static uint WriteCpsr(CpuState* state, uint value, uint byteMask)
    {
        bool privileged = Modes.IsPrivileged(state->Mode);
        if ((byteMask & 8) != 0)
        {
            state->N = (value >> 31) & 1; state->Z = (value >> 30) & 1; state->C = (value >> 29) & 1;
            state->V = (value >> 28) & 1; state->Q = (value >> 27) & 1;
        }
        if ((byteMask & 4) != 0) state->GE = (value >> 16) & 0xF;
        if ((byteMask & 2) != 0)
        {
            state->E = (value >> 9) & 1;
            if (privileged) state->A = (value >> 8) & 1;
        }
        if ((byteMask & 1) != 0 && privileged)
        {
            state->I = (value >> 7) & 1;
            state->F = (value >> 6) & 1;
            uint mode = value & 0x1F;
            // Writing a mode that does not exist is UNPREDICTABLE; the mode is left unchanged.
            if (Modes.IsValid(mode) && mode != (uint)ProcessorMode.Monitor && mode != (uint)ProcessorMode.Hyp) state->SwitchMode(mode);
        }
        return 0;
    }

    /// <summary>
    /// The exception-return form of a PC write (SUBS pc, lr; MOVS pc; LDM ^ with pc): CPSR takes the
    /// SPSR whole (in User and System mode, which have none, the result is UNPREDICTABLE and the CPSR
    /// is kept), then the PC is written with the restored instruction set's alignment.
    /// </summary>
    public static uint ExceptionReturn(CpuState* state, uint target)
    {
        if (state->CurrentSpsr is { } spsr)
        {
            uint mode = spsr & 0x1F;
            if (!Modes.IsValid(mode)) spsr = (spsr & ~0x1Fu) | state->Mode;
            state->Cpsr = spsr;
        }
        state->R[15] = state->T != 0 ? target & ~1u : target & ~3u;
        return 0;
    }

    public static uint WriteSpsr(CpuState* state, uint value, uint byteMask)
    {
        int bank = Modes.Bank(state->Mode);
        if (bank <= 0) return 0;
        uint mask = 0;
        for (int k = 0; k < 4; k++) if ((byteMask & (1u << k)) != 0) mask |= 0xFFu << (8 * k);
        state->Spsr[bank] = (state->Spsr[bank] & ~mask) | (value & mask);
        return 0;
    }
}
