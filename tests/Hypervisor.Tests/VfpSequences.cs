using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Random A32 or Thumb code made only of the VFP encodings the lifter supports, VMRS and VMSR included
/// (the general mix leaves sensitive instructions out). A VMSR mostly writes from
/// <see cref="FpscrRegister"/>, which the test loads with a usable FPSCR, so that one VMSR rarely
/// turns the rest of a sequence UNDEFINED. Thumb code puts some instructions in one-instruction IT
/// blocks, where A32 code gives them a condition of their own.
/// </summary>
internal static class VfpSequences
{
    public const int FpscrRegister = 12;

    private static readonly Encoding[] Candidates = A32Table.All
        .Where(e => e.Family.StartsWith("Vfp", StringComparison.Ordinal) && A32Lifter.Runs(e))
        .ToArray();

    private static readonly Encoding[] ThumbCandidates = ThumbTable.T32
        .Where(e => e.Family.StartsWith("T32Vfp", StringComparison.Ordinal) && A32Lifter.Runs(e))
        .ToArray();

    public static IReadOnlyList<Encoding> Encodings => Candidates;

    /// <returns>A32 words, or Thumb instructions as <see cref="UnicornDifferential.Setup.Code"/> holds them.</returns>
    public static uint[] Generate(Random rng, int count, bool thumb = false)
    {
        var candidates = thumb ? ThumbCandidates : Candidates;
        var words = new List<uint>(count);
        while (words.Count < count)
        {
            var it = ItState.None;
            if (thumb && words.Count + 2 <= count && rng.Next(8) == 0)
            {
                uint firstCond = (uint)rng.Next(14);
                words.Add(0xBF08 | firstCond << 4);
                it = ItState.Of(firstCond, 0x8);
            }
            while (true)
            {
                var e = candidates[rng.Next(candidates.Length)];
                if (e.Op == Op.Vmsr && rng.Next(4) != 0) continue;
                uint w = ((uint)rng.Next() << 1 ^ (uint)rng.Next()) & ~e.Pattern.Mask | e.Pattern.Value;
                if (e.Pattern.HasCondition && (w >> 28) >= 0xE) w = (w & 0x0FFF_FFFF) | (rng.Next(8) == 0 ? (uint)rng.Next(14) << 28 : 0xE000_0000);
                if (e.Op == Op.Vmsr && rng.Next(4) != 0) w = (w & ~0xF000u) | FpscrRegister << 12;
                var insn = thumb ? ThumbTable.CortexA15.Decode(w >> 16, w & 0xFFFF, it) : A32Table.CortexA15.Decode(w);
                if (insn.Class != InstrClass.Defined || insn.Encoding != e || WritesPc(insn)) continue;
                // A PC-relative store would modify the sequence itself, and the FPSCR value is no address.
                if (insn.Op is Op.Vstr or Op.Vstm or Op.Vstmdb or Op.Fstmiax or Op.Fstmdbx && insn.Rn == 15) continue;
                if (e.Family.EndsWith("VfpLoadStore", StringComparison.Ordinal) && insn.Rn == FpscrRegister) continue;
                // Unicorn's Cortex-A15 has Advanced SIMD, which MVFR1 reports; the guest's processor has not.
                if (insn.Op == Op.Vmrs && (w >> 16 & 0xF) == IR.Semantics.VfpSystem.Mvfr1Number) continue;
                words.Add(w);
                break;
            }
        }
        return [.. words];
    }

    /// <summary>A move to R15 (only VMRS APSR_nzcv may name it, and it writes the flags) or a base written back to R15.</summary>
    private static bool WritesPc(in Instruction insn)
    {
        bool toCore = (insn.Word & (1 << 20)) != 0;
        var p = insn.Encoding!.Pattern;
        if (insn.Op is Op.VmovCoreSingle or Op.VmovCoreTwoSingles or Op.VmovCoreDouble or Op.VmovScalarCore or Op.Vmrs && toCore
            && ((p.Has(Field.Rt) && insn.Rt == 15) || (p.Has(Field.Rt2) && insn.Rt2 == 15)))
            return true;
        return p.Has(Field.Rn) && insn.Rn == 15 && (insn.Word & (1 << 21)) != 0 && insn.Op is Op.Vldm or Op.Vstm or Op.Vldmdb or Op.Vstmdb;
    }
}
