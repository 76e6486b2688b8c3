namespace Translator.Frontend.Decoding;

/// <summary>A condition on a decoded record that no bit mask expresses; the decoder calls it.</summary>
public delegate bool InstructionPredicate(in Instruction insn);

/// <summary>
/// A condition on an instruction's operand fields and flags, built from field letters, for rules
/// (<see cref="Rules.If"/>). It is held as an OR of ANDs of simple tests, so that the decoder can
/// turn each AND into bit masks over the word of a given encoding (<see cref="RuleLanes"/>) and
/// check the common rules without calling anything; <see cref="Holds"/> evaluates it on a record.
/// </summary>
public sealed class WordTest
{
    internal IReadOnlyList<Clause> Clauses { get; }

    private WordTest(IReadOnlyList<Clause> clauses) => Clauses = clauses;

    private static WordTest Of(Atom atom) => new([new Clause([atom], Negated: false)]);

    /// <summary>Operand field <paramref name="letter"/> reads <paramref name="value"/>.</summary>
    public static WordTest Field(char letter, uint value) => FieldBits(letter, uint.MaxValue, value);

    /// <summary>The bits under <paramref name="mask"/> of operand field <paramref name="letter"/> read <paramref name="value"/>.</summary>
    public static WordTest FieldBits(char letter, uint mask, uint value) => Of(new Atom(AtomKind.FieldIs, Letter(letter), mask: mask, value: value));

    internal static WordTest Field(Decoding.Field field, uint value) => Of(new Atom(AtomKind.FieldIs, field, mask: uint.MaxValue, value: value));

    /// <summary>Flag <paramref name="letter"/> (an upper-case pattern letter or an implied flag) is set, or clear.</summary>
    public static WordTest Flag(char letter, bool set = true) => Of(new Atom(AtomKind.Flag, letter: letter, value: set ? 1u : 0));

    /// <summary>The word's bits under <paramref name="mask"/> are <paramref name="value"/>, whatever the pattern calls them.</summary>
    public static WordTest Bits(uint mask, uint value) => Of(new Atom(AtomKind.Bits, mask: mask, value: value));

    /// <summary>Operand fields <paramref name="a"/> and <paramref name="b"/> name the same register.</summary>
    public static WordTest Same(char a, char b) => Of(new Atom(AtomKind.Same, Letter(a), Letter(b)));

    /// <summary>The register named by the word's four bits at <paramref name="lsb"/> is in the register list (field l).</summary>
    public static WordTest RegisterInList(int lsb) => Of(new Atom(AtomKind.InList, value: (uint)lsb));

    /// <summary>Any bit under <paramref name="mask"/> of operand field <paramref name="letter"/> is set (a field other than zero, above a limit).</summary>
    public static WordTest AnyFieldBit(char letter, uint mask) =>
        Enumerable.Range(0, 32).Where(b => (mask >> b & 1) != 0).Select(b => FieldBits(letter, 1u << b, 1u << b)).Aggregate((x, y) => x | y);

    /// <summary>Operand field <paramref name="letter"/> has fewer than <paramref name="count"/> bits set (a register list too short).</summary>
    public static WordTest FewerBitsThan(char letter, int count) => Of(new Atom(AtomKind.FewerBits, Letter(letter), value: (uint)count));

    /// <summary>A Thumb instruction inside an IT block (or, with <paramref name="inside"/> false, outside one).</summary>
    public static WordTest InItBlock(bool inside = true) => Of(new Atom(AtomKind.ItState, mask: ItInside, value: inside ? 1u : 0));

    /// <summary>The last instruction of an IT block (or, with <paramref name="last"/> false, any other).</summary>
    public static WordTest LastInItBlock(bool last = true) => Of(new Atom(AtomKind.ItState, mask: ItLast, value: last ? 1u : 0));

    internal const uint ItInside = 1, ItLast = 2;

    /// <summary>Anything else: the decoder calls <paramref name="predicate"/> when the rest of the AND holds.</summary>
    public static WordTest Where(InstructionPredicate predicate) => Of(new Atom(AtomKind.Where, predicate: predicate));

    public static WordTest operator |(WordTest a, WordTest b) => new([.. a.Clauses, .. b.Clauses]);

    public static WordTest operator &(WordTest a, WordTest b) =>
        new([.. a.Clauses.SelectMany(x => b.Clauses.Select(y => x.And(y)))]);

    /// <summary>The negation of a single AND (a flag clear, outside an IT block, a field other than a value).</summary>
    public static WordTest operator !(WordTest a) => a.Clauses is [var c]
        ? new([c.Atoms is [{ Kind: AtomKind.Flag or AtomKind.ItState } flag] && !c.Negated ? new Clause([flag.Flipped()], false) : c with { Negated = !c.Negated }])
        : throw new ArgumentException("only a single AND of tests can be negated");

    public bool Holds(in Instruction insn)
    {
        foreach (var clause in Clauses) if (clause.Holds(insn)) return true;
        return false;
    }

    private static Decoding.Field Letter(char c) => FieldLetters.FromLetter(c) ?? throw new ArgumentException($"no field letter '{c}'");

    internal enum AtomKind : byte { FieldIs, Flag, Bits, Same, InList, FewerBits, ItState, Where }

    internal readonly struct Atom(AtomKind kind, Decoding.Field field = default, Decoding.Field other = default,
        char letter = '\0', uint mask = 0, uint value = 0, InstructionPredicate? predicate = null)
    {
        public AtomKind Kind { get; } = kind;
        public Decoding.Field Field { get; } = field;
        public Decoding.Field Other { get; } = other;
        public char Letter { get; } = letter;
        public uint Mask { get; } = mask;
        public uint Value { get; } = value;
        public InstructionPredicate? Predicate { get; } = predicate;

        public Atom Flipped() => new(Kind, Field, Other, Letter, Mask, Value ^ 1, Predicate);

        public bool Holds(in Instruction i) => Kind switch
        {
            AtomKind.FieldIs => (i[Field] & Mask) == Value,
            AtomKind.Flag => i.Flag(Letter) == (Value != 0),
            AtomKind.Bits => (i.Word & Mask) == Value,
            AtomKind.Same => i[Field] == i[Other],
            AtomKind.FewerBits => uint.PopCount(i[Field]) < Value,
            AtomKind.ItState => (Mask == ItInside ? i.InItBlock : i.LastInItBlock) == (Value != 0),
            AtomKind.InList => ((i.RegList >> (int)((i.Word >> (int)Value) & 15)) & 1) != 0,
            _ => Predicate!(i),
        };
    }

    /// <summary>An AND of atoms, or its negation.</summary>
    internal sealed record Clause(Atom[] Atoms, bool Negated)
    {
        public Clause And(Clause other) => Negated || other.Negated
            ? throw new ArgumentException("a negated test cannot be combined with others")
            : new Clause([.. Atoms, .. other.Atoms], false);

        public bool Holds(in Instruction insn)
        {
            foreach (var atom in Atoms) if (!atom.Holds(insn)) return Negated;
            return !Negated;
        }
    }
}
