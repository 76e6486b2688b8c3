using System.Runtime.CompilerServices;

namespace Translator.Frontend.Decoding;

/// <summary>
/// An encoding's bit pattern in the manner of the ARM ARM's tables, most significant bit first:
/// <c>0</c>/<c>1</c> are fixed bits, <c>(0)</c>/<c>(1)</c> should-be bits (the word still decodes,
/// but is UNPREDICTABLE when they differ), <c>x</c> or <c>-</c> a bit that does not matter,
/// a lower-case letter a bit of an operand field (see <see cref="FieldLetters"/>; a letter that
/// appears in several places is concatenated in order), and an upper-case letter a one-bit flag.
/// Spaces are ignored. A 16-bit pattern describes a Thumb halfword.
/// <para>
/// The bits may be followed by <c>where</c> and constraints such as <c>p=0001 q=0xx N=1</c>: each
/// fixes bits of a field or flag (most significant first, <c>x</c> leaves a bit free) while the
/// field is still decoded. A word some other tool names differently within a generic encoding
/// (an FPA load is an LDC to coprocessor 1) keeps the generic encoding's fields that way.
/// </para>
/// </summary>
public sealed class BitPattern
{
    public string Text { get; }
    public int Width { get; }
    public uint Mask { get; }
    public uint Value { get; }
    public uint ShouldBeMask { get; }
    public uint ShouldBeValue { get; }
    /// <summary>Bits of the upper-case flag letters: bit (letter - 'A') set when the letter is present.</summary>
    public uint FlagLetters { get; }
    /// <summary>The pattern has a condition field (<c>cccc</c>).</summary>
    public bool HasCondition { get; }

    private const int FlagLetterCount = 26;

    [InlineArray((int)Field.Count)]
    private struct FieldMasks { private uint _first; }

    [InlineArray(FlagLetterCount)]
    private struct FlagMasks { private uint _first; }

    // Word bits of each field and flag letter: a field's value is the word gathered through its mask
    // (Bits.Gather), which concatenates its pieces most significant first as the pattern writes them.
    private FieldMasks _fieldMasks;
    private FlagMasks _flagMasks;

    public BitPattern(string text)
    {
        Text = text;
        int where = text.IndexOf(" where ", StringComparison.Ordinal);
        string layout = where < 0 ? text : text[..where];
        var bits = new List<string>();
        for (int k = 0; k < layout.Length; k++)
        {
            char ch = layout[k];
            if (ch == ' ') continue;
            if (ch == '(')
            {
                if (k + 2 >= layout.Length || layout[k + 2] != ')' || (layout[k + 1] != '0' && layout[k + 1] != '1'))
                    throw new FormatException($"pattern '{text}': bad should-be bit at {k}");
                bits.Add(layout.Substring(k, 3));
                k += 2;
                continue;
            }
            bits.Add(ch.ToString());
        }
        if (bits.Count != 32 && bits.Count != 16)
            throw new FormatException($"pattern '{text}' has {bits.Count} bits, not 32 or 16");
        Width = bits.Count;

        uint mask = 0, value = 0, sbMask = 0, sbValue = 0, flagLetters = 0;
        // Bit positions of each letter, most significant first.
        var letters = new Dictionary<char, List<int>>();
        for (int k = 0; k < bits.Count; k++)
        {
            int bit = Width - 1 - k;
            string b = bits[k];
            switch (b)
            {
                case "0": mask |= 1u << bit; break;
                case "1": mask |= 1u << bit; value |= 1u << bit; break;
                case "(0)": sbMask |= 1u << bit; break;
                case "(1)": sbMask |= 1u << bit; sbValue |= 1u << bit; break;
                case "x" or "-": break;
                default:
                    char c = b[0];
                    if (char.IsUpper(c)) flagLetters |= 1u << (c - 'A');
                    else if (FieldLetters.FromLetter(c) is null)
                        throw new FormatException($"pattern '{text}': unknown field letter '{c}'");
                    if (!letters.TryGetValue(c, out var list)) letters[c] = list = [];
                    list.Add(bit);
                    break;
            }
        }
        foreach (var (letter, positions) in letters)
            if (char.IsUpper(letter) && positions.Count != 1)
                throw new FormatException($"pattern '{text}': flag letter '{letter}' must be one bit");
        if (where >= 0)
            foreach (string constraint in text[(where + 7)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Constrain(text, constraint, letters, ref mask, ref value);
        HasCondition = letters.ContainsKey('c');
        Mask = mask; Value = value; ShouldBeMask = sbMask; ShouldBeValue = sbValue; FlagLetters = flagLetters;

        foreach (var (letter, positions) in letters)
        {
            uint letterMask = 0;
            foreach (int bit in positions) letterMask |= 1u << bit;
            if (char.IsUpper(letter)) _flagMasks[letter - 'A'] = letterMask;
            else _fieldMasks[(int)FieldLetters.FromLetter(letter)!.Value] = letterMask;
        }
    }

    /// <summary>Fixes the bits of one field or flag named by a <c>letter=bits</c> constraint.</summary>
    private static void Constrain(string text, string constraint, Dictionary<char, List<int>> letters, ref uint mask, ref uint value)
    {
        if (constraint.Length < 3 || constraint[1] != '=' || !letters.TryGetValue(constraint[0], out var positions))
            throw new FormatException($"pattern '{text}': constraint '{constraint}' does not name a field of the pattern");
        string bits = constraint[2..];
        if (bits.Length != positions.Count)
            throw new FormatException($"pattern '{text}': constraint '{constraint}' needs {positions.Count} bits");
        for (int k = 0; k < bits.Length; k++)
        {
            uint bit = 1u << positions[k];
            switch (bits[k])
            {
                case '0': mask |= bit; break;
                case '1': mask |= bit; value |= bit; break;
                case 'x': break;
                default: throw new FormatException($"pattern '{text}': constraint '{constraint}' has a bit that is not 0, 1 or x");
            }
        }
    }

    public bool Matches(uint word) => (word & Mask) == Value;

    /// <summary>Whether the pattern has the operand field (a lower-case letter) at all.</summary>
    public bool Has(Field field) => _fieldMasks[(int)field] != 0;

    /// <summary>The word bits that make up <paramref name="field"/> (zero when the pattern lacks it).</summary>
    public uint FieldMask(Field field) => _fieldMasks[(int)field];

    /// <summary>The word bit of the flag <paramref name="letter"/> (zero when the pattern lacks it).</summary>
    public uint FlagMask(char letter) => _flagMasks[letter - 'A'];

    /// <summary>The flags of <paramref name="word"/> as bit (letter - 'A').</summary>
    public uint FlagsOf(uint word)
    {
        uint flags = 0;
        for (int k = 0; k < FlagLetterCount; k++)
            if ((word & _flagMasks[k]) != 0) flags |= 1u << k;
        return flags;
    }

    public override string ToString() => Text;
}
