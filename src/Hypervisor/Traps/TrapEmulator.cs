using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;
using Translator.Hypervisor.SystemRegisters;
using Translator.IR.State;

namespace Translator.Hypervisor.Traps;

/// <summary>What became of a trapped instruction.</summary>
public enum TrapOutcome
{
    /// <summary>Emulated; the guest resumes after it.</summary>
    Emulated,
    /// <summary>Emulated, and the state says where the guest resumes (a branch, an exception return, a mode change).</summary>
    Resumed,
    /// <summary>The emulated instruction raised an exception, faulted or waits for an interrupt: the exit now says so.</summary>
    Exited,
    /// <summary>The architecture makes this access UNDEFINED: the guest takes an undefined-instruction exception.</summary>
    Undefined,
    /// <summary>Valid, but not emulated yet: the run stops, naming it.</summary>
    NotModelled,
}

/// <summary>
/// Emulates the sensitive instructions that leave translated code as traps. System-register
/// accesses go through the vCPU's register table; every other one (VMRS and VMSR included) is lifted
/// on its own as translate mode would lower it and interpreted, so that both modes share one
/// definition of what the instruction does.
/// </summary>
public sealed unsafe class TrapEmulator(VCpu cpu, SystemRegisterTable registers, GuestBlockSource source)
{
    private readonly Backend.Interpreter.Interpreter _interpreter = new();

    public TrapOutcome Emulate(BlockExit exit, out string detail)
    {
        detail = "";
        // A Thumb trap only leaves translated code when its IT condition passed; its record reads the
        // same fields as the A32 one.
        var insn = !exit.Thumb ? A32Table.CortexA15.Decode(exit.Word)
            : ThumbTable.CortexA15.Decode(exit.Word, new ItState((byte)cpu.State->IT));
        var s = cpu.State;
        switch (insn.Op)
        {
            case Op.Mcr or Op.Mrc or Op.Mcrr or Op.Mrrc when insn.Coproc is 14 or 15:
                return SystemRegister(insn, s, out detail);
            case Op.Ldc or Op.Stc or Op.Ldc2 or Op.Stc2 or Op.Mcr2 or Op.Mrc2 or Op.Mcrr2 or Op.Mrrc2:
                detail = $"{insn.Encoding?.Name ?? "the instruction"} to coprocessor {insn.Coproc} is not emulated by the hypervisor yet";
                return TrapOutcome.NotModelled;
            default:
                return Interpret(exit);
        }
    }

    private TrapOutcome Interpret(BlockExit exit)
    {
        var s = cpu.State;
        var block = source.LiftSingle(exit.Pc, exit.Thumb, (byte)s->IT, Modes.IsPrivileged(s->Mode), s->E != 0);
        var kind = _interpreter.Run(block, s, cpu.Memory, exit);
        // The trapping block counted the instruction already.
        s->Retired -= (ulong)block.GuestInstructions;
        return kind is ExitKind.Continue or ExitKind.Dispatcher ? TrapOutcome.Resumed : TrapOutcome.Exited;
    }

    private TrapOutcome SystemRegister(in Instruction insn, CpuState* s, out string detail)
    {
        bool wide = insn.Op is Op.Mcrr or Op.Mrrc;
        var encoding = wide ? RegisterEncoding.Wide(insn.Coproc, insn.Opc1, insn.Rm) : new RegisterEncoding(insn.Coproc, insn.Opc1, insn.Rn, insn.Rm, insn.Opc2);
        bool read = insn.Op is Op.Mrc or Op.Mrrc;
        detail = $"{insn.Op.ToString().ToUpperInvariant()} {encoding}";
        // Every register the processor has is in the table: any other encoding is UNDEFINED.
        if (registers.Find(encoding) is not { } register)
        {
            detail += ": no such system register";
            return TrapOutcome.Undefined;
        }
        detail += $" ({register.Name})";
        if (!register.Permits(cpu, read, Modes.IsPrivileged(s->Mode))) return TrapOutcome.Undefined;
        SystemRegisterTable.Perform(cpu, register, insn.Rt, wide ? insn.Rt2 : 0, read, wide);
        return TrapOutcome.Emulated;
    }
}
