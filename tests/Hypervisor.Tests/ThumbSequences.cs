using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Random straight-line Thumb code for the semantic differential tests: T16 and T32 encodings drawn
/// from the decode tables and filled with random bits, kept when the instruction, decoded in the IT
/// state it will run in, is defined, predictable, not sensitive, lifted, and does not write PC; with IT
/// instructions of random conditions and masks in between, so that IT blocks run with their
/// conditions both passing and failing.
/// </summary>
internal static class ThumbSequences
{
    private static readonly Encoding[] Candidates = ThumbTable.T16.Concat(ThumbTable.T32)
        // Branches leave the sequence; Unicorn ends its run at the hints that yield the CPU.
        .Where(e => A32Lifter.Runs(e) && e.Op is not (Op.B or Op.Bl or Op.Blx or Op.Bx or Op.Bxj or Op.Svc or Op.Bkpt
            or Op.Udf or Op.Hvc or Op.Smc or Op.Yield or Op.Wfe or Op.Wfi or Op.Sev or Op.Sevl or Op.Cbz or Op.Cbnz or Op.Tbb or Op.Tbh or Op.It))
        .ToArray();

    public static IReadOnlyList<Encoding> Encodings => Candidates;

    /// <returns>Instructions as <see cref="UnicornDifferential.Setup.Code"/> holds them (a halfword, or hw1:hw2).</returns>
    public static uint[] Generate(Random rng, int count, Func<Instruction, bool>? accept = null)
    {
        if (Candidates.Length == 0) throw new InvalidOperationException("the lifter supports no Thumb encoding to test");
        var code = new List<uint>(count);
        var it = ItState.None;
        int exclusiveBase = -1;
        bool endiannessChanged = false;
        while (code.Count < count)
        {
            if (!it.InBlock && rng.Next(5) == 0)
            {
                uint firstCond = (uint)rng.Next(14), mask = (uint)rng.Next(1, 16);
                // An IT block must end before the sequence does, so that the closing UDF runs unconditionally.
                int length = 4 - System.Numerics.BitOperations.TrailingZeroCount(mask);
                if (code.Count + 1 + length <= count)
                {
                    code.Add(0xBF00 | firstCond << 4 | mask);
                    it = ItState.Of(firstCond, mask);
                    continue;
                }
            }
            while (true)
            {
                var e = Candidates[rng.Next(Candidates.Length)];
                uint w = ((uint)rng.Next() << 1 ^ (uint)rng.Next()) & ~e.Pattern.Mask | e.Pattern.Value;
                if (e.Pattern.Width == 16) w &= 0xFFFF;
                // As in A32Sequences: half the store-exclusives reuse the last load-exclusive's base (bits 19:16 in T32 too).
                if (A32Sequences.IsStoreExclusive(e.Op) && exclusiveBase >= 0 && rng.Next(2) == 0) w = (w & ~0x000F_0000u) | (uint)exclusiveBase << 16;
                var insn = ThumbTable.CortexA15.Decode(w, it);
                if (insn.Class != InstrClass.Defined || insn.Sensitive || insn.Encoding != e) continue;
                if (A32Sequences.WritesPc(insn)) continue;
                if (insn.Op is Op.Str or Op.Strb or Op.Strh or Op.Strd or Op.Stm or Op.Stmdb && insn.Rn == 15) continue;
                // Unicorn ends its translation block after an ISB and loses ITSTATE there, so the rest
                // of the IT block runs unconditionally; an ISB inside an IT block is left out.
                if (insn.Op == Op.Isb && it.InBlock) continue;
                // QEMU's (and so Unicorn's) monitor compares the loaded value in the data endianness, so a
                // store-exclusive after a SETEND fails there where the architecture's monitor is still open.
                if (endiannessChanged && A32Sequences.IsStoreExclusive(insn.Op)) continue;
                if (accept is not null && !accept(insn)) continue;
                if (A32Sequences.IsLoadExclusive(insn.Op)) exclusiveBase = insn.Rn;
                if (insn.Op == Op.Setend) endiannessChanged = true;
                code.Add(w);
                it = ThumbDecoder.Next(insn, it);
                break;
            }
        }
        return [.. code];
    }

    /// <summary>The IT state each instruction of <paramref name="code"/> runs in, and (last) the state after it.</summary>
    public static ItState[] ItStates(uint[] code)
    {
        var states = new ItState[code.Length + 1];
        for (int k = 0; k < code.Length; k++)
            states[k + 1] = ThumbDecoder.Next(ThumbTable.CortexA15.Decode(code[k], states[k]), states[k]);
        return states;
    }
}
