using Translator.Frontend.A32;
using Translator.Frontend.A32.Decode;
using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Thumb.Decode;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb;

/// <summary>
/// The T32 coprocessor, VFP and Advanced SIMD encodings are the A32 ones with their top bits
/// moved: a conditional A32 coprocessor or VFP line (cond 1110 in T32, the IT block supplying the
/// condition) keeps bits 27:0, an unconditional one (CDP2, MCR2, ...) keeps all 32; an A32
/// Advanced SIMD data-processing word 1111001U... is 111U1111... in T32, and a load/store
/// 11110100... is 11111001.... So the T32 lines are derived from the A32 table instead of written
/// twice.
/// </summary>
internal static class T32FromArm
{
    public static IReadOnlyList<(string Family, Encoding[] Lines)> Families { get; } =
    [
        ("T32Coprocessor", Moved(Coprocessor.Lines)),
        ("T32LegacyCoprocessor", Moved(LegacyCoprocessor.Lines)),
        ("T32CoprocessorSpaceV8", Moved(CoprocessorSpaceV8.Lines)),
        ("T32VfpDataProcessing", Moved(VfpDataProcessing.Lines)),
        ("T32VfpLoadStore", [.. Moved(VfpLoadStore.Lines), .. T32VfpLoadStore.Lines]),
        ("T32VfpTransfer", Moved(VfpTransfer.Lines)),
        ("T32AdvancedSimd", Moved(AdvancedSimd.Lines)),
    ];

    private static Encoding[] Moved(Encoding[] lines) =>
        [.. lines.Select(e => (Line: e, Pattern: T32Pattern(e.Pattern.Text))).Where(p => p.Pattern is not null).Select(p => ForThumb(p.Line.Repatterned(p.Pattern!, ThumbRules(p.Line.Op))))];

    /// <summary>A load or store multiple based on PC is UNPREDICTABLE in Thumb state (in ARM only with writeback).</summary>
    private static Rule[] ThumbRules(Op op) =>
        op is Op.Vldm or Op.Vldmdb or Op.Vstm or Op.Vstmdb or Op.Fldmiax or Op.Fldmdbx or Op.Fstmiax or Op.Fstmdbx ? [Rules.PcIs('n')] : [];

    /// <summary>The ARMv8 floating-point additions that have no condition in ARM state (GNU's "%u").</summary>
    private static bool UnconditionalInArm(Op op) =>
        op is Op.Vsel or Op.Vmaxnm or Op.Vminnm or Op.Vcvta or Op.Vcvtn or Op.Vcvtp or Op.Vcvtm
            or Op.Vrinta or Op.Vrintn or Op.Vrintp or Op.Vrintm;

    /// <summary>
    /// Where GNU's Thumb disassembly of a moved line differs from its ARM one. An ARMv8 addition that
    /// is unconditional in ARM state shows an IT block's condition and is marked UNPREDICTABLE there
    /// (its text already marks a half-precision one). VDUP from a core register is decoded only
    /// with its should-be-zero bits 3:0 clear; GNU leaves the other words UNDEFINED in Thumb, a
    /// permitted outcome of the ARM ARM's UNPREDICTABLE, and so does this table.
    /// </summary>
    private static Encoding ForThumb(Encoding line)
    {
        if (UnconditionalInArm(line.Op))
        {
            var text = line.Text;
            return line.WithText((in Instruction i, AsmWriter w) =>
            {
                text(i, w);
                if (i.InItBlock && VfpOperandForm.Size(i) != 1) w.Unpredictable();
            });
        }
        if (line.Op == Op.Vdup && line.Pattern.Has(Field.Rt))
        {
            var excludes = line.Excludes;
            return line.Excluding(w => (w & 0xF) != 0 || (excludes?.Invoke(w) ?? false));
        }
        return line;
    }

    /// <summary>
    /// The A32 pattern text rewritten for T32 (the top eight bits of the layout; a constraint on the
    /// condition is dropped with it), or null for a line that needs a condition other than AL.
    /// </summary>
    internal static string? T32Pattern(string a32)
    {
        int where = a32.IndexOf(" where ", StringComparison.Ordinal);
        var constraints = where < 0 ? [] : a32[(where + 7)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string layout = (where < 0 ? a32 : a32[..where]).Replace(" ", "", StringComparison.Ordinal);
        if (constraints.Find(c => c.StartsWith("c=", StringComparison.Ordinal)) is { } cond)
        {
            if (!Enumerable.Range(0, 4).All(k => cond[2 + k] == 'x' || cond[2 + k] == "1110"[k])) return null;
            constraints.Remove(cond);
        }
        if (layout.StartsWith("cccc", StringComparison.Ordinal)) layout = "1110" + layout[4..];
        else if (layout.StartsWith("1111001", StringComparison.Ordinal)) layout = "111" + layout[7] + "1111" + layout[8..];
        else if (layout.StartsWith("11110100", StringComparison.Ordinal)) layout = "11111001" + layout[8..];
        return constraints.Count == 0 ? layout : layout + " where " + string.Join(' ', constraints);
    }
}
