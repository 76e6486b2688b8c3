namespace Translator.IR.Passes;

/// <summary>
/// Flag liveness and dead register writes: a write of a register, flag or GE that is written again
/// later in the block, with no read of it and no point where the state must be exact in between,
/// is removed (with <see cref="DeadCodeElimination"/> then removing its computation). Run after
/// <see cref="GetSetForwarding"/>, which turns most reads into uses of the written value.
/// </summary>
public static class DeadStateWrites
{
    public static void Run(Block block)
    {
        // Walk backwards: a slot is "overwritten" if a later write to it happens before any read or sync point.
        var regOverwritten = new bool[16];
        var flagOverwritten = new bool[5];
        bool geOverwritten = false;
        var dead = new HashSet<Inst>(ReferenceEqualityComparer.Instance);
        for (int k = block.Insts.Count - 1; k >= 0; k--)
        {
            var inst = block.Insts[k];
            switch (inst.Op)
            {
                case Opcode.SetReg:
                    if (regOverwritten[inst.Aux]) dead.Add(inst);
                    regOverwritten[inst.Aux] = true;
                    break;
                case Opcode.GetReg:
                    regOverwritten[inst.Aux] = false;
                    break;
                case Opcode.SetFlag:
                    if (flagOverwritten[inst.Aux]) dead.Add(inst);
                    flagOverwritten[inst.Aux] = true;
                    break;
                case Opcode.GetFlag:
                    flagOverwritten[inst.Aux] = false;
                    break;
                case Opcode.SetGE:
                    if (geOverwritten) dead.Add(inst);
                    geOverwritten = true;
                    break;
                case Opcode.GetGE:
                    geOverwritten = false;
                    break;
                default:
                    if (Optimizer.IsStateSyncPoint(inst.Op))
                    {
                        Array.Clear(regOverwritten);
                        Array.Clear(flagOverwritten);
                        geOverwritten = false;
                    }
                    break;
            }
        }
        if (dead.Count > 0) block.Insts.RemoveAll(dead.Contains);
    }
}
