using Translator.Backend.Execution;
using Translator.Backend.Memory;
using Translator.IR;
using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Backend.Interpreter;

/// <summary>
/// Tier 0: runs a block's IR directly, one operation at a time, on the guest state. Cold code runs
/// here from cached IR; only code that proves hot is compiled.
/// </summary>
public sealed unsafe class Interpreter
{
    private ulong[] _values = new ulong[64];

    public ExitKind Run(Block block, CpuState* state, IGuestMemory memory, BlockExit exit)
    {
        if (block.Condition != Conditions.Always
            && !Conditions.Passed(block.Condition, state->N, state->Z, state->C, state->V))
        {
            Exits.Jump(state, block.ConditionFailedTarget, block.Thumb, block.ConditionFailedIt);
            state->Retired += (ulong)block.GuestInstructions;
            exit.Kind = ExitKind.Continue;
            return ExitKind.Continue;
        }
        exit.Kind = ExitKind.Continue;
        if (_values.Length < block.Insts.Count) _values = new ulong[Math.Max(block.Insts.Count, _values.Length * 2)];
        var values = _values;
        Span<ulong> args = stackalloc ulong[4];
        uint lastMark = block.StartPc;
        var insts = block.Insts;
        for (int k = 0; k < insts.Count; k++)
        {
            var inst = insts[k];
            var a = inst.Args;
            for (int j = 0; j < a.Length && j < 4; j++) args[j] = a[j].Def is { } d ? values[d.Id] : a[j].Bits;
            ulong r = 0;
            switch (inst.Op)
            {
                case Opcode.GetReg: r = state->R[(int)inst.Aux]; break;
                case Opcode.SetReg: state->R[(int)inst.Aux] = (uint)args[0]; break;
                case Opcode.GetFlag: r = GetFlag(state, (Flag)inst.Aux); break;
                case Opcode.SetFlag: SetFlag(state, (Flag)inst.Aux, (uint)args[0] & 1); break;
                case Opcode.GetGE: r = state->GE; break;
                case Opcode.SetGE: state->GE = (uint)args[0] & 0xF; break;
                case Opcode.SetIt: state->IT = (uint)inst.Aux; break;
                case Opcode.Mark: lastMark = (uint)inst.Aux; break;
                case Opcode.Barrier or Opcode.Hint: break;
                case Opcode.GetSystemWord: r = *(uint*)((byte*)state + inst.Aux); break;
                case Opcode.SetSystemWord: *(uint*)((byte*)state + inst.Aux) = (uint)args[0]; break;
                case Opcode.CallOut:
                    r = SystemCalls.Invoke(state, inst.Aux, a.Length > 0 ? (uint)args[0] : 0, a.Length > 1 ? (uint)args[1] : 0);
                    break;
                case >= Opcode.Load8 and <= Opcode.ClearExclusive:
                    r = Access(inst, args, state, memory, exit, lastMark);
                    if (exit.Kind == ExitKind.Abort) return ExitKind.Abort;
                    break;
                case >= Opcode.GetS and <= Opcode.FpFixedToDouble:
                    if (!VfpOperations.Run(inst, args[..a.Length], state, out r))
                        return Exits.Exception(state, exit, ExceptionKind.Undefined, lastMark, 0);
                    break;
                default: r = Evaluator.Pure(inst.Op, inst.Aux, args[..a.Length]); break;
            }
            values[inst.Id] = r;
        }
        state->Retired += (ulong)block.GuestInstructions;
        return Finish(block.Terminal!, state, exit, values);
    }

    private static ExitKind Finish(Terminal t, CpuState* state, BlockExit exit, ulong[] values)
    {
        while (t is If i)
            t = Value(i.Condition, values) != 0 ? i.Then : i.Else;
        return t switch
        {
            Jump j => Exits.Jump(state, j.Target, j.Thumb, j.It),
            JumpIndirect j => Exits.JumpIndirect(state, (uint)Value(j.Target, values), j.Exchange),
            RaiseException e => Exits.Exception(state, exit, e.Kind, e.Pc, e.Immediate),
            Trap tr => Exits.Trap(state, exit, tr.Word, tr.Pc, tr.Thumb),
            ReturnToDispatcher d => Exits.Dispatcher(state, exit, d.NextPc, d.Thumb),
            WaitForInterrupt w => Exits.WaitForInterrupt(state, exit, w.NextPc, w.Thumb),
            ContinueAtState => ExitKind.Continue,
            _ => throw new InvalidOperationException($"unknown terminal {t}"),
        };
    }

    private static ulong Value(Value v, ulong[] values) => v.Def is { } d ? values[d.Id] : v.Bits;

    private static ulong Access(Inst inst, ReadOnlySpan<ulong> args, CpuState* state, IGuestMemory memory, BlockExit exit, uint pc)
    {
        var access = (MemoryAccess)inst.Aux;
        uint address = (uint)args[0];
        switch (inst.Op)
        {
            case >= Opcode.Load8 and <= Opcode.Load64:
            {
                int size = 1 << (inst.Op - Opcode.Load8);
                if (access == MemoryAccess.None && SoftTlb.TryRead((TlbEntry*)state->Tlb, address, size) is var p && p != null)
                    return size switch { 1 => *p, 2 => *(ushort*)p, 4 => *(uint*)p, _ => *(ulong*)p };
                return MemoryPaths.Read(memory, exit, state, address, size, access, pc);
            }
            case >= Opcode.Store8 and <= Opcode.Store64:
            {
                int size = 1 << (inst.Op - Opcode.Store8);
                if (access == MemoryAccess.None && SoftTlb.TryWrite((TlbEntry*)state->Tlb, address, size) is var p && p != null)
                {
                    switch (size)
                    {
                        case 1: *p = (byte)args[1]; break;
                        case 2: *(ushort*)p = (ushort)args[1]; break;
                        case 4: *(uint*)p = (uint)args[1]; break;
                        default: *(ulong*)p = args[1]; break;
                    }
                    return 0;
                }
                MemoryPaths.Write(memory, exit, state, address, size, args[1], access, pc);
                return 0;
            }
            case >= Opcode.LoadExclusive8 and <= Opcode.LoadExclusive64:
                return MemoryPaths.LoadExclusive(memory, exit, state, address, 1 << (inst.Op - Opcode.LoadExclusive8), access, pc);
            case >= Opcode.StoreExclusive8 and <= Opcode.StoreExclusive64:
                return MemoryPaths.StoreExclusive(memory, exit, state, address, 1 << (inst.Op - Opcode.StoreExclusive8), args[1], access, pc);
            case Opcode.ClearExclusive:
                state->ExclusiveOpen = 0;
                return 0;
            default:
                throw new InvalidOperationException($"{inst.Op} is not a memory operation");
        }
    }

    internal static uint GetFlag(CpuState* s, Flag f) => f switch
    {
        Flag.N => s->N, Flag.Z => s->Z, Flag.C => s->C, Flag.V => s->V, _ => s->Q,
    };

    internal static void SetFlag(CpuState* s, Flag f, uint v)
    {
        switch (f)
        {
            case Flag.N: s->N = v; break;
            case Flag.Z: s->Z = v; break;
            case Flag.C: s->C = v; break;
            case Flag.V: s->V = v; break;
            default: s->Q = v; break;
        }
    }
}
