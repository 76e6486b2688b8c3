namespace Translator.IR.Passes;

/// <summary>
/// Register and flag get/set forwarding: a read of a register or flag the block already read or
/// wrote uses that value instead of reading the guest state again.
/// </summary>
public static class GetSetForwarding
{
    public static void Run(Block block)
    {
        var subst = new Substitution();
        var regs = new Value?[16];
        var flags = new Value?[5];
        Value? ge = null;
        var kept = new List<Inst>(block.Insts.Count);
        foreach (var inst in block.Insts)
        {
            subst.ApplyToArgs(inst);
            switch (inst.Op)
            {
                case Opcode.GetReg when regs[inst.Aux] is { } known:
                    subst.Replace(inst, known);
                    continue;
                case Opcode.GetReg:
                    regs[inst.Aux] = Value.Of(inst);
                    break;
                case Opcode.SetReg:
                    regs[inst.Aux] = inst.Args[0];
                    break;
                case Opcode.GetFlag when flags[inst.Aux] is { } knownFlag:
                    subst.Replace(inst, knownFlag);
                    continue;
                case Opcode.GetFlag:
                    flags[inst.Aux] = Value.Of(inst);
                    break;
                case Opcode.SetFlag:
                    flags[inst.Aux] = inst.Args[0];
                    break;
                case Opcode.GetGE when ge is { } knownGe:
                    subst.Replace(inst, knownGe);
                    continue;
                case Opcode.GetGE:
                    ge = Value.Of(inst);
                    break;
                case Opcode.SetGE:
                    ge = inst.Args[0];
                    break;
                case Opcode.CallOut:
                    // A call-out may change any state; forget what was known.
                    Array.Clear(regs);
                    Array.Clear(flags);
                    ge = null;
                    break;
            }
            kept.Add(inst);
        }
        block.Insts.Clear();
        block.Insts.AddRange(kept);
        block.Terminal = subst.Apply(block.Terminal);
    }
}
