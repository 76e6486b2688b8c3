namespace Translator.IR;

/// <summary>Checks a block's well-formedness: types, definitions before uses, register and flag numbers, a terminal.</summary>
public static class Verifier
{
    public static IReadOnlyList<string> Check(Block block)
    {
        var errors = new List<string>();
        var defined = new HashSet<Inst>(ReferenceEqualityComparer.Instance);
        block.Renumber();
        foreach (var inst in block.Insts)
        {
            var info = inst.Op.Info();
            string where = $"%{inst.Id} {info.Name}";
            if (!info.Variadic && inst.Args.Length != info.Args.Length)
                errors.Add($"{where}: {inst.Args.Length} arguments, {info.Args.Length} expected");
            for (int k = 0; k < inst.Args.Length; k++)
            {
                var arg = inst.Args[k];
                if (arg.IsNone) { errors.Add($"{where}: argument {k} is missing"); continue; }
                if (arg.Def is { } d && !defined.Contains(d)) errors.Add($"{where}: argument {k} is used before it is defined");
                if (!info.Variadic && k < info.Args.Length)
                {
                    var expected = inst.Op == Opcode.Select && k > 0 ? inst.Type : info.Args[k];
                    if (arg.Type != expected) errors.Add($"{where}: argument {k} is {arg.Type.Name()}, {expected.Name()} expected");
                }
            }
            if (inst.Op is Opcode.GetReg or Opcode.SetReg && inst.Aux > 15) errors.Add($"{where}: register {inst.Aux}");
            if (inst.Op is Opcode.GetFlag or Opcode.SetFlag && inst.Aux > (ulong)Flag.Q) errors.Add($"{where}: flag {inst.Aux}");
            if (inst.Op == Opcode.Select && inst.Args.Length == 3 && inst.Args[1].Type != inst.Args[2].Type)
                errors.Add($"{where}: select of {inst.Args[1].Type.Name()} and {inst.Args[2].Type.Name()}");
            defined.Add(inst);
        }
        if (block.Terminal is null) errors.Add("the block has no terminal");
        else CheckTerminal(block.Terminal, defined, errors);
        return errors;
    }

    private static void CheckTerminal(Terminal t, HashSet<Inst> defined, List<string> errors)
    {
        void Use(Value v, IrType type, string what)
        {
            if (v.IsNone) errors.Add($"terminal: {what} is missing");
            else if (v.Type != type) errors.Add($"terminal: {what} is {v.Type.Name()}, {type.Name()} expected");
            else if (v.Def is { } d && !defined.Contains(d)) errors.Add($"terminal: {what} is not defined in the block");
        }
        switch (t)
        {
            case JumpIndirect j: Use(j.Target, IrType.I32, "target"); break;
            case If i:
                Use(i.Condition, IrType.I1, "condition");
                CheckTerminal(i.Then, defined, errors);
                CheckTerminal(i.Else, defined, errors);
                break;
        }
    }

    /// <summary>Throws when the block is malformed; passes call it in debug runs and tests.</summary>
    public static void Assert(Block block)
    {
        var errors = Check(block);
        if (errors.Count > 0) throw new InvalidOperationException("malformed IR:\n" + string.Join("\n", errors) + "\n" + IrPrinter.Print(block));
    }
}
