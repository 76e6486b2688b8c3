namespace Translator.Frontend.Decoding;

/// <summary>Common UNPREDICTABLE rules, built from field letters.</summary>
public static class Rules
{
    /// <summary>The register field named by <paramref name="letter"/> is PC.</summary>
    public static Rule PcIs(char letter) => PcIn(letter.ToString());

    /// <summary>Any of the register fields named is PC.</summary>
    public static Rule PcIn(string letters) =>
        new PcFields([.. letters.Select(c => FieldLetters.FromLetter(c) ?? throw new ArgumentException($"no field letter '{c}'"))]).Check;

    /// <summary>Any of the register fields named is SP.</summary>
    public static Rule SpIn(string letters) =>
        If(Reason.SpOperand, letters.Select(c => WordTest.Field(c, 13)).Aggregate((a, b) => a | b));

    /// <summary>
    /// The rule "<paramref name="reason"/> when <paramref name="test"/> holds": data the decoder checks
    /// as bit masks of each encoding's word, without a call (see <see cref="RuleLanes"/>).
    /// </summary>
    public static Rule If(Reason reason, WordTest test) => new ConditionalRule([(test, reason)]).Check;

    /// <summary>The first of several rules made by <see cref="If"/> (or <see cref="PcIn"/>) that applies.</summary>
    public static Rule FirstOf(params Rule[] rules) => new ConditionalRule([.. rules.SelectMany(Steps)]).Check;

    private static IEnumerable<(WordTest, Reason)> Steps(Rule rule) => rule.Target switch
    {
        ConditionalRule c => c.Steps,
        PcFields p => p.Fields.Select(f => (WordTest.Field(f, 15), Reason.PcOperand)),
        _ => throw new ArgumentException("FirstOf takes rules made by Rules.If or Rules.PcIn"),
    };
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

/// <summary>A rule as data: the reason of the first test that holds. The decoder compiles the tests to bit masks.</summary>
internal sealed class ConditionalRule((WordTest Test, Reason Reason)[] steps)
{
    public (WordTest Test, Reason Reason)[] Steps { get; } = steps;

    public Reason Check(in Instruction i)
    {
        foreach (var (test, reason) in Steps) if (test.Holds(i)) return reason;
        return Reason.None;
    }
}
