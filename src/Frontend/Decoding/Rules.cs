namespace Translator.Frontend.Decoding;

/// <summary>Common UNPREDICTABLE rules, built from field letters.</summary>
public static class Rules
{
    /// <summary>The register field named by <paramref name="letter"/> is PC.</summary>
    public static Rule PcIs(char letter)
    {
        var field = FieldLetters.FromLetter(letter) ?? throw new ArgumentException($"no field letter '{letter}'");
        return (in Instruction i) => i[field] == 15 ? Reason.PcOperand : Reason.None;
    }

    /// <summary>Any of the register fields named is PC.</summary>
    public static Rule PcIn(string letters)
    {
        var fields = letters.Select(c => FieldLetters.FromLetter(c) ?? throw new ArgumentException($"no field letter '{c}'")).ToArray();
        return (in Instruction i) =>
        {
            foreach (var f in fields) if (i[f] == 15) return Reason.PcOperand;
            return Reason.None;
        };
    }
}
