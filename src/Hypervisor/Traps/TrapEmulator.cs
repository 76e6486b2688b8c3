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
    /// <summary>The architecture makes this access UNDEFINED: the guest takes an undefined-instruction exception.</summary>
    Undefined,
    /// <summary>Valid, but not emulated yet: the run stops, naming it.</summary>
    NotModelled,
    /// <summary>WFI: the guest resumes after it once an interrupt is pending.</summary>
    WaitForInterrupt,
}

/// <summary>
/// Emulates the sensitive instructions that leave translated code as traps: system-register accesses
/// through the vCPU's register table, and in trap mode the status-register accesses, with the same
/// rules the translated call-outs apply.
/// </summary>
public sealed unsafe class TrapEmulator(VCpu cpu, SystemRegisterTable registers)
{
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
            case Op.Wfi:
                return TrapOutcome.WaitForInterrupt;
            case Op.Wfe:
                // With one vCPU nothing but an interrupt sends an event; WFE is a hint that returns at once.
                return TrapOutcome.Emulated;
            case Op.Vmrs or Op.Vmsr:
                return VfpSystemRegisterTraps.Emulate(insn, s, out detail);
            case Op.Mrs:
                s->R[insn.Rd] = SystemCalls.Invoke(s, (ulong)(insn.Flag('R') ? IR.CallOutKind.ReadSpsr : IR.CallOutKind.ReadCpsr), 0, 0);
                return TrapOutcome.Emulated;
            case Op.Msr:
            {
                uint value = insn.Encoding!.Has(Field.Rotate) ? Bits.ExpandArmImmediate(insn.Imm, insn.Rotate) : s->R[insn.Rn];
                uint mask = (uint)insn.Rm;
                if (insn.Flag('R')) SystemCalls.WriteSpsr(s, value, mask);
                else SystemCalls.WriteCpsr(s, value, mask);
                return TrapOutcome.Emulated;
            }
            default:
                detail = $"{insn.Encoding?.Name ?? "the instruction"} is not emulated by the hypervisor yet";
                return TrapOutcome.NotModelled;
        }
    }

    private TrapOutcome SystemRegister(in Instruction insn, CpuState* s, out string detail)
    {
        bool wide = insn.Op is Op.Mcrr or Op.Mrrc;
        var encoding = wide ? RegisterEncoding.Wide(insn.Coproc, insn.Opc1, insn.Rm) : new RegisterEncoding(insn.Coproc, insn.Opc1, insn.Rn, insn.Rm, insn.Opc2);
        bool read = insn.Op is Op.Mrc or Op.Mrrc;
        detail = $"{insn.Op.ToString().ToUpperInvariant()} {encoding}";
        if (registers.Find(encoding) is not { } register)
        {
            detail += ": system register not modelled yet";
            return TrapOutcome.NotModelled;
        }
        detail += $" ({register.Name})";
        if (!register.PermitsNow(read, cpu)) return TrapOutcome.Undefined;
        if (read)
        {
            ulong value = register.Read!(cpu);
            if (wide)
            {
                s->R[insn.Rt] = (uint)value;
                s->R[insn.Rt2] = (uint)(value >> 32);
            }
            // MRC to R15 writes the top four bits to the flags (APSR_nzcv).
            else if (insn.Rt == 15) { s->N = (uint)value >> 31; s->Z = ((uint)value >> 30) & 1; s->C = ((uint)value >> 29) & 1; s->V = ((uint)value >> 28) & 1; }
            else s->R[insn.Rt] = (uint)value;
            return TrapOutcome.Emulated;
        }
        register.Write!(cpu, wide ? s->R[insn.Rt] | ((ulong)s->R[insn.Rt2] << 32) : s->R[insn.Rt]);
        return TrapOutcome.Emulated;
    }
}
