using Translator.IR.Semantics;

namespace Translator.IR.Passes;

/// <summary>
/// Constant folding and propagation: a pure operation whose arguments are all constants becomes a
/// constant, and a few identities (x + 0, x &amp; ~0, select on a constant, ...) are simplified.
/// </summary>
public static class ConstantFolding
{
    public static void Run(Block block)
    {
        var subst = new Substitution();
        var kept = new List<Inst>(block.Insts.Count);
        Span<ulong> args = stackalloc ulong[4];
        foreach (var inst in block.Insts)
        {
            subst.ApplyToArgs(inst);
            if (Evaluator.IsPure(inst.Op) && inst.Args.Length <= 4)
            {
                if (inst.Args.All(a => a.IsConstant))
                {
                    for (int k = 0; k < inst.Args.Length; k++) args[k] = inst.Args[k].Bits;
                    ulong bits = Evaluator.Pure(inst.Op, inst.Aux, args[..inst.Args.Length]);
                    subst.Replace(inst, Value.Constant(inst.Type, bits));
                    continue;
                }
                if (Simplify(inst) is { } simpler)
                {
                    subst.Replace(inst, simpler);
                    continue;
                }
            }
            kept.Add(inst);
        }
        block.Insts.Clear();
        block.Insts.AddRange(kept);
        block.Terminal = subst.Apply(block.Terminal);
        FoldTerminal(block);
    }

    private static Value? Simplify(Inst inst)
    {
        var a = inst.Args;
        bool Const(int k, ulong v) => a.Length > k && a[k].IsConstant && a[k].Bits == v;
        switch (inst.Op)
        {
            case Opcode.Add or Opcode.Sub or Opcode.Or or Opcode.Xor or Opcode.AndNot
                or Opcode.Lsl or Opcode.Lsr or Opcode.Asr or Opcode.Ror when Const(1, 0):
                return a[0];
            case Opcode.Add or Opcode.Or or Opcode.Xor when Const(0, 0):
                return a[1];
            case Opcode.And when Const(1, 0xFFFF_FFFF):
                return a[0];
            case Opcode.And when Const(0, 0xFFFF_FFFF):
                return a[1];
            case Opcode.And or Opcode.Mul when Const(1, 0) || Const(0, 0):
                return Value.I32(0);
            case Opcode.Mul when Const(1, 1):
                return a[0];
            case Opcode.Select when a[0].IsConstant:
                return a[0].Bits != 0 ? a[1] : a[2];
            case Opcode.Select when a[1] == a[2]:
                return a[1];
            case Opcode.BoolAnd when Const(0, 0) || Const(1, 0):
                return Value.Bool(false);
            case Opcode.BoolAnd when Const(0, 1):
                return a[1];
            case Opcode.BoolAnd when Const(1, 1):
                return a[0];
            case Opcode.BoolOr when Const(0, 1) || Const(1, 1):
                return Value.Bool(true);
            case Opcode.BoolOr when Const(0, 0):
                return a[1];
            case Opcode.BoolOr when Const(1, 0):
                return a[0];
            default:
                return null;
        }
    }

    private static void FoldTerminal(Block block)
    {
        while (block.Terminal is If { Condition.IsConstant: true } i)
            block.Terminal = i.Condition.Bits != 0 ? i.Then : i.Else;
    }
}
