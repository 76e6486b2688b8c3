using Translator.IR.Semantics;

namespace Translator.IR.Tests;

/// <summary>
/// A deliberately naive executor of IR blocks for property tests: state in arrays, memory in a
/// dictionary, every operation by <see cref="Evaluator"/>. It records the guest state at every point
/// where it must be exact (memory accesses, call-outs), so optimisations are checked for precise state too.
/// </summary>
internal sealed class ReferenceExecutor
{
    public uint[] Regs = new uint[16];
    public uint[] Flags = new uint[5];
    public uint Ge;
    public Dictionary<uint, byte> Memory = [];
    public List<string> SyncSnapshots = [];

    public ReferenceExecutor Clone() => new()
    {
        Regs = (uint[])Regs.Clone(), Flags = (uint[])Flags.Clone(), Ge = Ge, Memory = new(Memory), SyncSnapshots = [.. SyncSnapshots],
    };

    public string State => $"regs {string.Join(",", Regs.Select(r => r.ToString("x")))} flags {string.Join("", Flags)} ge {Ge:x} mem {string.Join(",", Memory.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key:x}={kv.Value:x}"))}";

    /// <summary>Runs the block and returns a description of where control goes next.</summary>
    public string Run(Block block)
    {
        block.Renumber();
        var values = new ulong[block.Insts.Count];
        ulong Get(Value v) => v.Def is { } d ? values[d.Id] : v.Bits;
        Span<ulong> args = stackalloc ulong[4];
        foreach (var inst in block.Insts)
        {
            for (int k = 0; k < inst.Args.Length && k < 4; k++) args[k] = Get(inst.Args[k]);
            if (Optimizer_IsSync(inst.Op)) SyncSnapshots.Add($"{inst.Op.Info().Name}: {State}");
            ulong r = 0;
            switch (inst.Op)
            {
                case Opcode.GetReg: r = Regs[inst.Aux]; break;
                case Opcode.SetReg: Regs[inst.Aux] = (uint)args[0]; break;
                case Opcode.GetFlag: r = Flags[inst.Aux]; break;
                case Opcode.SetFlag: Flags[inst.Aux] = (uint)args[0] & 1; break;
                case Opcode.GetGE: r = Ge; break;
                case Opcode.SetGE: Ge = (uint)args[0] & 0xF; break;
                case Opcode.Mark: break;
                case Opcode.Load8: r = Read((uint)args[0], 1); break;
                case Opcode.Load16: r = Read((uint)args[0], 2); break;
                case Opcode.Load32: r = Read((uint)args[0], 4); break;
                case Opcode.Store8: Write((uint)args[0], args[1], 1); break;
                case Opcode.Store16: Write((uint)args[0], args[1], 2); break;
                case Opcode.Store32: Write((uint)args[0], args[1], 4); break;
                case Opcode.CallOut:
                    // A stand-in helper that reads and writes guest state, so forwarding across it is caught.
                    r = Regs[(inst.Aux + 1) % 16] + Flags[inst.Aux % 5];
                    Regs[inst.Aux % 16] ^= 0x5A5A_0000;
                    break;
                default: r = Evaluator.Pure(inst.Op, inst.Aux, args[..inst.Args.Length]); break;
            }
            values[inst.Id] = inst.Type.Truncate(r);
        }
        return Describe(block.Terminal!, Get);
    }

    private static bool Optimizer_IsSync(Opcode op) => Passes.Optimizer.IsStateSyncPoint(op);

    private static string Describe(Terminal t, Func<Value, ulong> get) => t switch
    {
        If i => Describe(get(i.Condition) != 0 ? i.Then : i.Else, get),
        JumpIndirect j => $"indirect {get(j.Target):x}",
        _ => IrPrinter.Print(t),
    };

    private ulong Read(uint address, int bytes)
    {
        ulong v = 0;
        for (int k = 0; k < bytes; k++) v |= (ulong)Memory.GetValueOrDefault(address + (uint)k, (byte)(address + k)) << (8 * k);
        return v;
    }

    private void Write(uint address, ulong value, int bytes)
    {
        for (int k = 0; k < bytes; k++) Memory[address + (uint)k] = (byte)(value >> (8 * k));
    }
}
