using System.Runtime.CompilerServices;

namespace Translator.Frontend.Decoding;

/// <summary>Writes an instruction's GNU-syntax text: mnemonic, tab, operands, comment.</summary>
public delegate void TextForm(in Instruction insn, AsmWriter w);

/// <summary>
/// A refinement of the decoder's verdict: returns the reason an instruction of this encoding is
/// UNPREDICTABLE (or UNDEFINED, with <see cref="Encoding.RuleMakesUndefined"/>), or <see cref="Reason.None"/>.
/// </summary>
public delegate Reason Rule(in Instruction insn);

/// <summary>
/// One line of a decode table: a name as the ARM ARM gives it, the operation, the bit pattern, the
/// text form, the feature it needs, and the rules that make particular field values UNPREDICTABLE.
/// </summary>
public sealed class Encoding
{
    public string Name { get; }
    public Op Op { get; }
    public BitPattern Pattern { get; }
    public TextForm Text { get; private set; }
    public Feature Feature { get; }
    public string Family { get; internal set; } = "";
    /// <summary>Order within its table; a tie-breaker between equally specific patterns.</summary>
    public int Index { get; internal set; }
    internal Rule[] Unpredictable { get; }
    internal Rule[] UndefinedRules { get; private set; } = [];

    public Encoding(string name, Op op, string pattern, TextForm text, Feature feature = Feature.Base, params Rule[] unpredictable)
    {
        Name = name; Op = op; Pattern = new BitPattern(pattern); Text = text; Feature = feature;
        Unpredictable = unpredictable;
        for (int f = 0; f < (int)Field.Count; f++) _fieldMasks[f] = Pattern.FieldMask((Field)f);
        var pcMasks = new List<uint>();
        var others = new List<Rule>();
        foreach (var rule in unpredictable)
        {
            if (rule.Target is PcFields pc && pc.Fields.All(f => uint.PopCount(Pattern.FieldMask(f)) == 4))
                pcMasks.AddRange(pc.Fields.Select(f => Pattern.FieldMask(f)));
            else others.Add(rule);
        }
        PcMasks = [.. pcMasks];
        OtherUnpredictable = [.. others];
    }

    /// <summary>The register fields that make the encoding UNPREDICTABLE when they are PC, as masks of the word's bits.</summary>
    internal uint[] PcMasks { get; }

    /// <summary>The UNPREDICTABLE rules that are not PC checks, called in order.</summary>
    internal Rule[] OtherUnpredictable { get; }

    [InlineArray((int)Field.Count)]
    private struct FieldMasks { private uint _first; }

    // The pattern's field masks, kept here so that reading an operand costs one load and one gather.
    private FieldMasks _fieldMasks;

    /// <summary>Adds rules under which the encoding is UNDEFINED rather than UNPREDICTABLE.</summary>
    public Encoding UndefinedWhen(params Rule[] rules) => With(e => e.UndefinedRules = rules);

    /// <summary>A copy with one property changed: the builder methods below keep every other setting.</summary>
    private Encoding With(Action<Encoding> change)
    {
        var copy = (Encoding)MemberwiseClone();
        change(copy);
        return copy;
    }

    public bool RuleMakesUndefined => UndefinedRules.Length > 0;

    /// <summary>Register-list bits fixed by the encoding itself (a one-register form), merged into the decoded list.</summary>
    public Encoding WithList(int list) => WithField('l', (uint)list);

    /// <summary>
    /// A value the encoding implies for a field (SP as the base of PUSH, the fixed register of a
    /// one-register list), or-ed into what the word's bits give.
    /// </summary>
    public Encoding WithField(char letter, uint value)
    {
        var field = FieldLetters.FromLetter(letter) ?? throw new ArgumentException($"no field letter '{letter}'");
        return With(e => { e._fixedValues[(int)field] = value; e._fixedFields |= 1u << (int)field; });
    }

    private uint _fixedFields;

    /// <summary>Whether the instruction has the operand: the pattern's bits (or another field's, aliased), or a value the encoding implies.</summary>
    public bool Has(Field field) => _fieldMasks[(int)field] != 0 || (_fixedFields & (1u << (int)field)) != 0;

    /// <summary>
    /// A field that is another field's bits as well (Thumb's Rdn: <c>Aliasing('n', 'd')</c> makes Rn
    /// read Rd's bits), so that a handler written for separate registers reads both.
    /// </summary>
    public Encoding Aliasing(char target, char source) =>
        With(e => e._fieldMasks[(int)FieldLetters.FromLetter(target)!.Value] = Pattern.FieldMask(FieldLetters.FromLetter(source)!.Value));

    /// <summary>
    /// An immediate the encoding counts in units of <paramref name="bytes"/> (the 16-bit Thumb
    /// loads, stores, ADR and SP adjustments): the field reads as the byte value.
    /// </summary>
    public Encoding ImmediateInUnitsOf(int bytes) => With(e => e._immediateShift = System.Numerics.BitOperations.Log2((uint)bytes));

    private int _immediateShift;

    /// <summary>
    /// Flags the encoding implies without a bit of its own (bit letter - 'A'), so that a record reads
    /// as the A32 line of the same operation does: T32's LDR (immediate, 12-bit) is P=1, U=1, W=0.
    /// </summary>
    public uint ImpliedFlags { get; private set; }

    /// <summary>Sets the upper-case flags named in <paramref name="letters"/> for every word of the encoding.</summary>
    public Encoding WithFlags(string letters) =>
        With(e => e.ImpliedFlags |= letters.Aggregate(0u, (m, c) => char.IsUpper(c) ? m | 1u << (c - 'A') : throw new ArgumentException($"'{c}' is not a flag letter")));

    [InlineArray((int)Field.Count)]
    private struct FieldValues { private uint _first; }

    private FieldValues _fixedValues;

    /// <summary>
    /// Tried before every ordinary line that also matches, whatever their specificity: for the few
    /// encodings (such as the unprivileged forms) that are defined as exceptions carved out of a more
    /// specific-looking general pattern.
    /// </summary>
    public bool Preferred { get; private set; }

    /// <summary>Words the pattern matches that are not this encoding (a field value that belongs elsewhere); the decoder looks further.</summary>
    public Func<uint, bool>? Excludes { get; private set; }

    public Encoding Excluding(Func<uint, bool> excludes) => With(e => e.Excludes = excludes);

    public Encoding Prefer() => With(e => e.Preferred = true);

    /// <summary>The same line with another text form (the Thumb form of a line GNU prints differently there).</summary>
    public Encoding WithText(TextForm text) => With(e => e.Text = text);

    /// <summary>
    /// A 16-bit Thumb encoding that sets the flags exactly when it is outside an IT block (ADDS
    /// outside, ADD<c> inside): <see cref="Instruction.SetFlags"/> then depends on the IT state.
    /// </summary>
    public bool FlagsOutsideItBlock { get; private set; }

    public Encoding SetsFlagsOutsideItBlock() => With(e => e.FlagsOutsideItBlock = true);

    /// <summary>A Thumb encoding (set by the Thumb table): its modified immediates are ThumbExpandImm's, its PC reads are +4.</summary>
    public bool Thumb { get; internal set; }

    /// <summary>
    /// The same line for another instruction set: a new pattern over the same fields and flags, the
    /// same operation, text and rules (the T32 forms of the coprocessor, VFP and Advanced SIMD lines).
    /// </summary>
    /// <param name="unpredictable">Rules of the other instruction set only, checked after the line's own.</param>
    public Encoding Repatterned(string pattern, params Rule[] unpredictable) => new(Name, Op, pattern, Text, Feature, [.. Unpredictable, .. unpredictable])
    {
        UndefinedRules = UndefinedRules, Preferred = Preferred, Excludes = Excludes,
        FlagsOutsideItBlock = FlagsOutsideItBlock, _fixedValues = _fixedValues, _fixedFields = _fixedFields, _immediateShift = _immediateShift, ImpliedFlags = ImpliedFlags,
    };

    /// <summary>How <see cref="Read"/> reads a field: the word bits it gathers, the value or-ed in, and the shift of an immediate counted in units.</summary>
    internal (uint Mask, uint Fixed, int Shift) Layout(Field field) =>
        (_fieldMasks[(int)field], _fixedValues[(int)field], field == Field.Imm ? _immediateShift : 0);

    /// <summary>The value of operand <paramref name="field"/> in <paramref name="word"/>, with the value the encoding implies (<see cref="WithField"/>) merged in.</summary>
    internal uint Read(uint word, Field field) =>
        (Bits.Gather(word, _fieldMasks[(int)field]) << (field == Field.Imm ? _immediateShift : 0)) | _fixedValues[(int)field];

    private Sensitivity? _sensitivity;

    /// <summary>When an instruction of this encoding is sensitive (<see cref="SensitiveInstructions"/>), worked out at the first use.</summary>
    internal Sensitivity Sensitivity => _sensitivity ?? NewSensitivity();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Sensitivity NewSensitivity() => _sensitivity = new Sensitivity(this);

    public override string ToString() => $"{Name} [{Pattern}]";
}
