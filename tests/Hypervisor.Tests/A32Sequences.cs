using Translator.Frontend.A32;
using Translator.Frontend.Decoding;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Random straight-line A32 code for the semantic differential tests: encodings drawn from the
/// decode table, filled with random bits, kept when the word is a defined, predictable,
/// non-sensitive instruction the lifter supports and that does not write PC.
/// </summary>
internal static class A32Sequences
{
    private static readonly Encoding[] Candidates = A32Table.All
        // Branches leave the sequence; Unicorn ends its run at the hints that yield the CPU.
        .Where(e => A32Lifter.Runs(e) && e.Op is not (Op.B or Op.Bl or Op.Blx or Op.Bx or Op.Bxj or Op.Svc or Op.Bkpt or Op.Udf or Op.Hvc or Op.Smc
            or Op.Yield or Op.Wfe or Op.Wfi or Op.Sev or Op.Sevl))
        .ToArray();

    public static IReadOnlyList<Encoding> Encodings => Candidates;

    public static uint[] Generate(Random rng, int count, Func<Instruction, bool>? accept = null)
    {
        if (Candidates.Length == 0) throw new InvalidOperationException("the lifter supports no encoding to test");
        var words = new uint[count];
        int exclusiveBase = -1;
        bool endiannessChanged = false;
        for (int k = 0; k < count; k++)
        {
            while (true)
            {
                var e = Candidates[rng.Next(Candidates.Length)];
                uint w = ((uint)rng.Next() << 1 ^ (uint)rng.Next()) & ~e.Pattern.Mask | e.Pattern.Value;
                if (e.Pattern.HasCondition && (w >> 28) >= 0xE) w = (w & 0x0FFF_FFFF) | (rng.Next(3) == 0 ? (uint)rng.Next(14) << 28 : 0xE000_0000);
                // Random bases almost never meet: half the store-exclusives reuse the base of the last
                // load-exclusive, so that the monitor's passing paths are compared too.
                if (IsStoreExclusive(e.Op) && exclusiveBase >= 0 && rng.Next(2) == 0) w = (w & ~0x000F_0000u) | (uint)exclusiveBase << 16;
                var insn = A32Table.CortexA15.Decode(w);
                if (insn.Class != InstrClass.Defined || insn.Sensitive || insn.Encoding != e) continue;
                if (WritesPc(insn)) continue;
                // A PC-relative store would modify the sequence itself.
                if (insn.Op is Op.Str or Op.Strb or Op.Strh or Op.Strd or Op.Stm or Op.Stmda or Op.Stmdb or Op.Stmib && insn.Rn == 15) continue;
                // QEMU's (and so Unicorn's) monitor compares the loaded value in the data endianness, so a
                // store-exclusive after a SETEND fails there where the architecture's monitor is still open.
                if (endiannessChanged && IsStoreExclusive(insn.Op)) continue;
                if (accept is not null && !accept(insn)) continue;
                if (IsLoadExclusive(insn.Op)) exclusiveBase = insn.Rn;
                if (insn.Op == Op.Setend) endiannessChanged = true;
                words[k] = w;
                break;
            }
        }
        return words;
    }

    internal static bool IsLoadExclusive(Op op) => op is Op.Ldrex or Op.Ldrexb or Op.Ldrexh or Op.Ldrexd;

    internal static bool IsStoreExclusive(Op op) => op is Op.Strex or Op.Strexb or Op.Strexh or Op.Strexd;

    /// <summary>Conservatively: any register field that can be a destination holding 15, PC in a register list, or writeback to PC.</summary>
    internal static bool WritesPc(in Instruction insn)
    {
        var p = insn.Encoding!.Pattern;
        foreach (var f in new[] { Field.Rd, Field.Rt, Field.Rt2, Field.Ra })
            if (p.Has(f) && insn[f] == 15) return true;
        if ((insn.RegList & 0x8000) != 0) return true;
        return p.Has(Field.Rn) && insn.Rn == 15 && insn.Flag('W');
    }

    /// <summary>
    /// Conservatively, for either instruction set: a destination field holding the register, a load of
    /// it in a register list, or its use as the base of a form that may write the base back (a W bit,
    /// the 16-bit STM, or any load/store, whose post-indexed forms have no W bit).
    /// </summary>
    internal static bool WritesRegister(in Instruction insn, int reg)
    {
        var e = insn.Encoding!;
        foreach (var f in new[] { Field.Rd, Field.Rt, Field.Rt2, Field.Ra })
            if (e.Has(f) && insn[f] == reg) return true;
        if ((insn.RegList & (1 << reg)) != 0 && insn.Op is Op.Ldm or Op.Ldmda or Op.Ldmdb or Op.Ldmib or Op.Pop) return true;
        return e.Has(Field.Rn) && insn.Rn == reg && (insn.Flag('W') || insn.Op == Op.Stm || e.Family.Contains("LoadStore", StringComparison.Ordinal));
    }
}
