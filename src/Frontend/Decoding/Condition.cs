namespace Translator.Frontend.Decoding;

/// <summary>ARM condition field values; <see cref="Always"/> is AL, <see cref="Unconditional"/> the 0b1111 space.</summary>
public enum Condition : byte
{
    Eq, Ne, Cs, Cc, Mi, Pl, Vs, Vc, Hi, Ls, Ge, Lt, Gt, Le, Always, Unconditional,
}

public static class ConditionNames
{
    private static readonly string[] Suffixes =
        ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "", ""];

    /// <summary>The suffix GNU syntax appends to a mnemonic (empty for AL and the unconditional space).</summary>
    public static string Suffix(this Condition c) => Suffixes[(int)c];
}
