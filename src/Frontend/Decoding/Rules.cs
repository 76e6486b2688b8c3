namespace Translator.Frontend.Decoding;

/// <summary>Common UNPREDICTABLE rules, built from field letters.</summary>
public static class Rules
{
    /// <summary>The register field named by <paramref name="letter"/> is PC.</summary>
    public static Rule PcIs(char letter) => PcIn(letter.ToString());

    /// <summary>Any of the register fields named is PC.</summary>
    public static Rule PcIn(string letters) =>
        new PcFields([.. letters.Select(c => FieldLetters.FromLetter(c) ?? throw new ArgumentException($"no field letter '{c}'"))]).Check;
}

/// <summary>
/// The rule "one of these register fields is PC". The decoder recognises it and checks it as bit
/// masks (a 4-bit field is 15 exactly when all its bits are set) instead of calling it.
/// </summary>
internal sealed class PcFields(Field[] fields)
{
    public Field[] Fields { get; } = fields;

    public Reason Check(in Instruction i)
    {
        foreach (var f in Fields) if (i[f] == 15) return Reason.PcOperand;
        return Reason.None;
    }
}
