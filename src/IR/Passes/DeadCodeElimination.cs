using Translator.IR.Semantics;

namespace Translator.IR.Passes;

/// <summary>Removes pure operations (and state reads) whose results nobody uses.</summary>
public static class DeadCodeElimination
{
    public static void Run(Block block)
    {
        var used = new HashSet<Inst>(ReferenceEqualityComparer.Instance);
        MarkTerminal(block.Terminal, used);
        var kept = new List<Inst>(block.Insts.Count);
        for (int k = block.Insts.Count - 1; k >= 0; k--)
        {
            var inst = block.Insts[k];
            bool removable = Evaluator.IsPure(inst.Op) || inst.Op is Opcode.GetReg or Opcode.GetFlag or Opcode.GetGE;
            if (removable && !used.Contains(inst)) continue;
            foreach (var a in inst.Args) if (a.Def is { } d) used.Add(d);
            kept.Add(inst);
        }
        kept.Reverse();
        block.Insts.Clear();
        block.Insts.AddRange(kept);
    }

    private static void MarkTerminal(Terminal? t, HashSet<Inst> used)
    {
        switch (t)
        {
            case JumpIndirect { Target.Def: { } d }: used.Add(d); break;
            case If i:
                if (i.Condition.Def is { } c) used.Add(c);
                MarkTerminal(i.Then, used);
                MarkTerminal(i.Else, used);
                break;
        }
    }
}
