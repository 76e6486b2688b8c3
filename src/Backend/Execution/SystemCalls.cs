using System.Runtime.InteropServices;
using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>The targets of <see cref="Opcode.CallOut"/>: status-register reads and writes with the ARM ARM's rules.</summary>
public static unsafe class SystemCalls
{
    public static uint Invoke(CpuState* state, ulong kind, uint a, uint b) => (CallOutKind)kind switch
    {
        // MRS reads the execution state bits (IT, J, T) as zero.
        CallOutKind.ReadCpsr => state->Cpsr & ExecutionStateMask,
        CallOutKind.WriteCpsr => WriteCpsr(state, a, b),
        CallOutKind.ReadSpsr => state->CurrentSpsr ?? state->Cpsr,
        CallOutKind.WriteSpsr => WriteSpsr(state, a, b),
        CallOutKind.ExceptionReturn => ExceptionReturn(state, a),
        CallOutKind.SetEndianness => state->E = a & 1,
        CallOutKind.ChangeProcessorState => ChangeProcessorState(state, a, b),
        CallOutKind.ReadBanked => ReadBanked(state, a),
        CallOutKind.WriteBanked => WriteBanked(state, a, b),
        CallOutKind.ReturnFromException => ReturnFromException(state, a, b),
        CallOutKind.SystemRegister => SystemRegisterOwner(state).Access(state, a, b),
        _ => throw new InvalidOperationException($"unknown call-out {kind}"),
    };

    private const uint ExecutionStateMask = 0xF8FF_03DF;

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

    /// <summary>CPS at PL1 (in User mode it is a NOP, which the lifter knows): set or clear A, I, F, and change mode.</summary>
    public static uint ChangeProcessorState(CpuState* state, uint fields, uint mode)
    {
        if (!Modes.IsPrivileged(state->Mode)) return 0;
        uint imod = (fields >> 4) & 3;
        if ((imod & 2) != 0)
        {
            uint value = imod & 1;
            if ((fields & 4) != 0) state->A = value;
            if ((fields & 2) != 0) state->I = value;
            if ((fields & 1) != 0) state->F = value;
        }
        // A mode that does not exist is UNPREDICTABLE: the mode is left unchanged.
        if ((fields & 8) != 0 && Modes.IsValid(mode) && mode is not ((uint)ProcessorMode.Monitor or (uint)ProcessorMode.Hyp)) state->SwitchMode(mode);
        return 0;
    }

    /// <summary>R8–R14 or the SPSR of any mode (MRS banked, SRS, STM ^); the current mode's own registers when it names them.</summary>
    public static uint ReadBanked(CpuState* state, uint selector)
    {
        int register = BankedSelector.Register(selector);
        uint mode = BankedSelector.Mode(selector);
        if (register != BankedSelector.Spsr) return state->ReadBanked(register, mode);
        int bank = Modes.Bank(mode);
        return bank > 0 ? state->Spsr[bank] : 0;
    }

    public static uint WriteBanked(CpuState* state, uint value, uint selector)
    {
        int register = BankedSelector.Register(selector);
        uint mode = BankedSelector.Mode(selector);
        if (register != BankedSelector.Spsr) state->WriteBanked(register, mode, value);
        else if (Modes.Bank(mode) is var bank and > 0) state->Spsr[bank] = value;
        return 0;
    }

    /// <summary>RFE: the loaded word becomes the CPSR as an exception return writes it, then the PC.</summary>
    public static uint ReturnFromException(CpuState* state, uint target, uint cpsr)
    {
        if (!Modes.IsValid(cpsr & 0x1F)) cpsr = (cpsr & ~0x1Fu) | state->Mode;
        state->Cpsr = cpsr;
        state->R[15] = state->T != 0 ? target & ~1u : target & ~3u;
        return 0;
    }

    private static ISystemRegisterCalls SystemRegisterOwner(CpuState* state) =>
        GCHandle.FromIntPtr(state->Owner).Target as ISystemRegisterCalls
        ?? throw new InvalidOperationException("a lowered system-register access ran on a state no vCPU owns");

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
