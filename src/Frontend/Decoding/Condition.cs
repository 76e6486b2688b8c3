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

    private static readonly string[] ItBlockSuffixes =
        ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "<und>"];

    /// <summary>The suffix GNU syntax appends to a mnemonic (empty for AL and the unconditional space).</summary>
    public static string Suffix(this Condition c) => Suffixes[(int)c];

    /// <summary>
    /// The suffix GNU tools print for an instruction inside an IT block: AL is spelt out, and 0b1111
    /// (the 'else' slots of an IT AL block) shows as <c>&lt;und&gt;</c>.
    /// </summary>
    public static string ItBlockSuffix(this Condition c) => ItBlockSuffixes[(int)c];
}
