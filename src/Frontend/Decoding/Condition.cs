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

    private static readonly string[] ItSuffixes =
        ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "<und>"];

    /// <summary>The suffix GNU syntax appends to a mnemonic (empty for AL and the unconditional space).</summary>
    public static string Suffix(this Condition c) => Suffixes[(int)c];

    /// <summary>
    /// The suffix GNU prints on a Thumb instruction inside an IT block: every condition is spelled
    /// out, AL as "al", and the 0b1111 an IT block's else-slots can reach as "&lt;und&gt;".
    /// </summary>
    public static string ItSuffix(this Condition c) => ItSuffixes[(int)c];
}
