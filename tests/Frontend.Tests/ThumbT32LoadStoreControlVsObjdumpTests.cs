using System.Globalization;
using System.Text.RegularExpressions;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;
using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>
/// The T32 load/store, load/store multiple, dual/exclusive, branch and miscellaneous-control
/// encodings, and the coprocessor/VFP lines moved from A32, against GNU objdump -M force-thumb:
/// table fillings and random instructions of each space in streams with IT instructions, so that
/// the conditions an IT block gives are compared too. The IT instructions themselves are T16 and
/// not judged here. Also the branch targets of every Thumb branch form and the sensitive marking.
/// </summary>
[Category("Oracle")]
public sealed partial class ThumbT32LoadStoreControlVsObjdumpTests : ObjdumpTests
{
    private static readonly string[] Families =
    [
        "T32LoadStore", "T32LoadStoreDualExclusive", "T32LoadStoreMultiple", "T32BranchMiscControl",
        "T32Coprocessor", "T32LegacyCoprocessor", "T32CoprocessorSpaceV8", "T32VfpDataProcessing", "T32VfpLoadStore",
        "T32VfpTransfer", "T32AdvancedSimd",
    ];

    /// <summary>The spaces, as hw1:hw2 bits every instruction has.</summary>
    private static readonly (string Name, uint Mask, uint Value)[] Spaces =
    [
        ("load/store single", 0xFE00_0000, 0xF800_0000),
        ("load/store dual, exclusive, table branch", 0xFE40_0000, 0xE840_0000),
        ("load/store multiple, SRS, RFE", 0xFE40_0000, 0xE800_0000),
        ("branches and miscellaneous control", 0xF800_8000, 0xF000_8000),
        ("miscellaneous control (condition field 111x)", 0xFB80_D000, 0xF380_8000),
        ("BLX with H set", 0xF800_D001, 0xF000_C001),
        ("coprocessor, VFP, Advanced SIMD", 0xEC00_0000, 0xEC00_0000),
    ];

    private const int RandomPerSpace = 15_000;

    /// <summary>The streams follow IT blocks as objdump does, so the T16 IT instruction must decode.</summary>
    private static void RequireIt() =>
        Assert.That(ThumbTable.CortexA15.T16.Decode(0xBF08).Op, Is.EqualTo(Op.It), "IT (T16Miscellaneous) does not decode: the IT blocks of the streams cannot be followed");

    /// <summary>Every class of these families agrees on every word (UNDEFINED verdicts in the known Advanced SIMD space too).</summary>
    private static void AssertAgreement(ThumbDifferential diff, int seed)
    {
        TestContext.Out.WriteLine($"seed {seed} (rerun with TRANSLATOR_SEED={seed})");
        TestContext.Out.Write(diff.Report());
        var failing = diff.Classes
            .Where(c => c.Key.StartsWith("T32", StringComparison.Ordinal) && (c.Value.Unexplained > 0 || c.Value.UndefinedMismatch > 0))
            .Select(c => $"{c.Key}: {c.Value.Unexplained} text, {c.Value.UndefinedMismatch} UNDEFINED disagreements")
            .ToList();
        Assert.That(failing, Is.Empty, $"seed {seed}");
    }

    [Test]
    public void EveryEncodingOfTheFamiliesAgrees()
    {
        RequireIt();
        int seed = Seed(20261201);
        var rng = new Random(seed);
        var diff = new ThumbDifferential();
        diff.Compare([.. Families.SelectMany(f => ThumbDifferential.TableSamples(rng, perEncoding: 20, f))]);
        AssertAgreement(diff, seed);
    }

    [Test]
    public void RandomInstructionsOfTheSpacesAgree()
    {
        RequireIt();
        int seed = Seed(Environment.TickCount);
        var rng = new Random(seed);
        var diff = new ThumbDifferential();
        diff.Compare([.. Spaces.SelectMany(s => ThumbDifferential.RandomInstructions(rng, RandomPerSpace, s.Mask, s.Value))]);
        AssertAgreement(diff, seed);
    }

    private static readonly TextForm NoText = (in Instruction i, AsmWriter w) => { };

    /// <summary>The 16-bit branches, as the Thumb brief gives their letters (their table lines are the T16 families').</summary>
    private static readonly InstructionDecoder T16Branches = new(
    [
        new Encoding("B (T1)", Op.B, "1101cccciiiiiiii", NoText),
        new Encoding("B (T2)", Op.B, "11100iiiiiiiiiii", NoText),
        new Encoding("CBZ", Op.Cbz, "101100i1iiiiinnn", NoText),
        new Encoding("CBNZ", Op.Cbnz, "101110i1iiiiinnn", NoText),
    ], Feature.CortexA15, splitOnCondition: false, size: 2);

    [GeneratedRegex(@"0x[0-9a-f]+")]
    private static partial Regex Address();

    /// <summary>The target objdump prints: the last address before any comment.</summary>
    private static uint ObjdumpTarget(string text)
    {
        string operands = text.Split("\t@")[0];
        var m = Address().Matches(operands);
        return m.Count == 0 ? throw new InvalidOperationException($"no target in '{text}'")
            : uint.Parse(m[^1].Value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    [Test]
    public void BranchTargetsAreObjdumps()
    {
        int seed = Seed(7321);
        var rng = new Random(seed);
        var t32Lines = ThumbTable.T32.Where(e => e.Op is Op.B or Op.Bl or Op.Blx).ToArray();
        Assert.That(t32Lines, Has.Length.EqualTo(4), "B (T3, T4), BL and BLX (immediate)");
        var wrong = new List<string>();

        // 32-bit forms, one after the other from address 0, the offsets reaching both ways.
        var words = new List<uint>();
        foreach (var e in t32Lines)
            for (int k = 0; k < 500; k++)
            {
                uint w = (uint)rng.NextInt64() & ~e.Pattern.Mask | e.Pattern.Value;
                if (e.Excludes?.Invoke(w) == true) { k--; continue; }
                words.Add(w);
            }
        var theirs = Objdump.DisassembleThumb([.. words.SelectMany(w => BitConverter.GetBytes((ushort)(w >> 16)).Concat(BitConverter.GetBytes((ushort)w)))]);
        for (int k = 0; k < words.Count; k++)
        {
            uint address = (uint)(4 * k);
            var insn = ThumbTable.CortexA15.Decode(words[k] >> 16, words[k] & 0xFFFF, ItState.None);
            uint ours = ThumbImmediates.BranchTarget(insn, address), expected = ObjdumpTarget(theirs[address]);
            if (ours != expected) wrong.Add($"{words[k]:x8} at 0x{address:x}: ours 0x{ours:x}, objdump {theirs[address]}");
        }

        // 16-bit forms (condition 1110 and 1111 of B (T1) are UDF and SVC).
        var halves = new List<uint>();
        while (halves.Count < 1000)
        {
            uint hw = (uint)rng.Next(0x10000);
            if (T16Branches.Decode(hw).Encoding is { } e && !(e.Name == "B (T1)" && (hw >> 9 & 7) == 7)) halves.Add(hw);
        }
        var theirs16 = Objdump.DisassembleThumb([.. halves.SelectMany(h => BitConverter.GetBytes((ushort)h))]);
        for (int k = 0; k < halves.Count; k++)
        {
            uint address = (uint)(2 * k);
            var insn = T16Branches.Decode(halves[k]);
            uint ours = ThumbImmediates.BranchTarget(insn, address), expected = ObjdumpTarget(theirs16[address]);
            if (ours != expected) wrong.Add($"{halves[k]:x4} at 0x{address:x}: ours 0x{ours:x}, objdump {theirs16[address]}");
        }
        Assert.That(wrong, Is.Empty, $"seed {seed}:\n" + string.Join("\n", wrong.Take(20)));
    }

    private const string Conditions = "(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al|<und>)?";

    [GeneratedRegex("^(mrs|msr|cps|cpsie|cpsid|srs(db|ia)|rfe(db|ia)|hvc|smc|wfi|wfe|vmrs|vmsr)" + Conditions + @"(\.w)?$")]
    private static partial Regex SystemMnemonic();

    [GeneratedRegex("^(ldr|str)(b|h|sb|sh)?t" + Conditions + "$")]
    private static partial Regex UnprivilegedMnemonic();

    [GeneratedRegex("^(mcr|mrc|mcrr|mrrc|ldc|stc)(2)?(l)?" + Conditions + "(l)?$")]
    private static partial Regex CoprocessorMnemonic();

    /// <summary>
    /// Whether objdump names an instruction DESIGN.md calls sensitive, or null where it names none:
    /// GNU's "undefined (bcc, ...)" covers words the ARM ARM reads as MSR, CPS or hints with other
    /// should-be bits.
    /// </summary>
    private static bool? ObjdumpSaysSensitive(string text)
    {
        string t = Objdump.Normalize(text);
        if (t.StartsWith("undefined (bcc", StringComparison.Ordinal)) return null;
        if (t.Contains("<UNDEFINED>", StringComparison.Ordinal)) return false;
        string mnemonic = t.Split(' ')[0];
        string operands = t.Length > mnemonic.Length ? t[(mnemonic.Length + 1)..] : "";
        if (SystemMnemonic().IsMatch(mnemonic)) return true;
        // GNU names a literal load whose offset has bits 11:8 = 1110 as if it were LDRT; with Rn = PC the ARM ARM reads a literal.
        if (UnprivilegedMnemonic().IsMatch(mnemonic))
            return !(mnemonic.StartsWith("ldr", StringComparison.Ordinal) && operands.Contains("[pc", StringComparison.Ordinal));
        if (CoprocessorMnemonic().IsMatch(mnemonic)) return operands.StartsWith("14,", StringComparison.Ordinal) || operands.StartsWith("15,", StringComparison.Ordinal);
        // SUBS PC, LR, #imm (ERET when the immediate is zero).
        return mnemonic.StartsWith("subs", StringComparison.Ordinal) && operands.StartsWith("pc,", StringComparison.Ordinal);
    }

    [Test]
    public void SensitiveMarkingMatchesObjdumpsMnemonics()
    {
        int seed = Seed(4243);
        var rng = new Random(seed);
        var instructions = Spaces.SelectMany(s => ThumbDifferential.RandomInstructions(rng, RandomPerSpace, s.Mask, s.Value)).ToList();
        instructions.AddRange(Families.Take(4).SelectMany(f => ThumbDifferential.TableSamples(rng, perEncoding: 20, f)));
        var bytes = instructions.SelectMany(w => w > 0xFFFF
            ? BitConverter.GetBytes((ushort)(w >> 16)).Concat(BitConverter.GetBytes((ushort)w))
            : BitConverter.GetBytes((ushort)w)).ToArray();
        var theirs = Objdump.DisassembleThumb(bytes);
        var dis = new ThumbDisassembler();
        var wrong = new List<string>();
        int sensitive = 0;
        uint address = 0;
        foreach (uint w in instructions)
        {
            var insn = dis.Next(w);
            bool? expected = ObjdumpSaysSensitive(theirs[address]);
            address += insn.Size;
            if (insn.Size == 2 || KnownDisagreements.FindThumb(insn.Word) is not null || expected is null) continue;
            // GNU shows an LDRBT, LDRHT or LDRSBT to PC (UNPREDICTABLE) as the memory hint of its space.
            if (insn.Op is Op.Ldrbt or Op.Ldrht or Op.Ldrsbt && insn.Rt == 15) continue;
            if (expected == true) sensitive++;
            if (insn.Sensitive != expected && wrong.Count < 30)
                wrong.Add($"{insn.Word:x8} ours={insn.Sensitive} ({insn.Op}) objdump: {Objdump.Normalize(theirs[address - insn.Size])}");
        }
        TestContext.Out.WriteLine($"seed {seed}: {sensitive} sensitive instructions of {instructions.Count}");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(sensitive, Is.GreaterThan(500), "too few sensitive instructions to say anything");
    }
}
