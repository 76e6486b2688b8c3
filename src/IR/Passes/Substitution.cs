namespace Translator.IR.Passes;

/// <summary>Replacements of values by other values, applied to the instructions and the terminal of a block.</summary>
internal sealed class Substitution
{
    private readonly Dictionary<Inst, Value> _map = new(ReferenceEqualityComparer.Instance);

    public int Count => _map.Count;

    public void Replace(Inst inst, Value with) => _map[inst] = with;

    public Value Apply(Value v)
    {
        while (v.Def is { } d && _map.TryGetValue(d, out var r)) v = r;
        return v;
    }

    public void ApplyToArgs(Inst inst)
    {
        for (int k = 0; k < inst.Args.Length; k++) inst.Args[k] = Apply(inst.Args[k]);
    }

    public Terminal? Apply(Terminal? t) => t switch
    {
        JumpIndirect j => j with { Target = Apply(j.Target) },
        If i => new If(Apply(i.Condition), Apply(i.Then)!, Apply(i.Else)!),
        _ => t,
    };
}
