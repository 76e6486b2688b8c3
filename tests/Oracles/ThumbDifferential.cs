using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;

namespace Translator.Oracles;

/// <summary>
/// Compares Translator's Thumb disassembly with objdump's (-M force-thumb) over streams of
/// instructions, so that IT blocks and the conditions objdump prints inside them are compared too,
/// and tallies the result by encoding family (T16Undefined / T32Undefined for words no line matches).
/// An instruction is its halfword, or hw1:hw2 for a 32-bit one.
/// </summary>
public sealed class ThumbDifferential : DisassemblyTally
{
    /// <summary>
    /// Random instructions: a third 16-bit, a half 32-bit, the rest IT instructions with random
    /// conditions and masks (so that the following instructions run inside IT blocks). With a mask,
    /// every instruction has those bits of <paramref name="value"/> (a 16-bit space when the mask
    /// fits in 16 bits, else a 32-bit one), still behind an occasional IT.
    /// </summary>
    public static List<uint> RandomInstructions(Random rng, int count, uint mask = 0, uint value = 0)
    {
        var list = new List<uint>(count);
        for (int k = 0; k < count; k++)
        {
            int kind = rng.Next(20);
            if (kind < 3) { list.Add(RandomIt(rng)); continue; }
            if (mask != 0)
            {
                uint w = Random32(rng) & ~mask | (value & mask);
                if (mask <= 0xFFFF) w &= 0xFFFF;
                list.Add(w);
            }
            else list.Add(kind < 10 ? Random16(rng) : Random32(rng));
        }
        return list;
    }

    /// <summary>Random fillings of every line of the Thumb tables (fixed bits kept), some behind an IT instruction.</summary>
    public static List<uint> TableSamples(Random rng, int perEncoding, string? family = null)
    {
        var list = new List<uint>();
        foreach (var e in ThumbTable.T16.Concat(ThumbTable.T32))
        {
            if (family is not null && e.Family != family) continue;
            for (int k = 0; k < perEncoding; k++)
            {
                if (rng.Next(4) == 0) list.Add(RandomIt(rng));
                uint w = Random32(rng) & ~e.Pattern.Mask | e.Pattern.Value;
                list.Add(e.Pattern.Width == 16 ? w & 0xFFFF : w);
            }
        }
        return list;
    }

    private static uint Random32(Random rng) => ((uint)rng.Next() << 1 ^ (uint)rng.Next()) & 0x07FF_FFFF | Wide(rng);

    /// <summary>The top five bits of a 32-bit instruction: 11101, 11110 or 11111.</summary>
    private static uint Wide(Random rng) => (uint)(0b11101 + rng.Next(3)) << 27;

    private static uint Random16(Random rng)
    {
        uint hw;
        do hw = (uint)rng.Next(0x10000); while (ThumbDecoder.IsWide(hw));
        return hw;
    }

    private static uint RandomIt(Random rng) => 0xBF00u | (uint)rng.Next(0xF) << 4 | (uint)rng.Next(1, 16);

    public void Compare(IReadOnlyList<uint> instructions, int chunk = 100_000)
    {
        for (int start = 0; start < instructions.Count; start += chunk)
        {
            var slice = instructions.Skip(start).Take(chunk).ToArray();
            var bytes = new List<byte>(slice.Length * 4);
            foreach (uint w in slice)
            {
                if (w > 0xFFFF) { bytes.AddRange(BitConverter.GetBytes((ushort)(w >> 16))); bytes.AddRange(BitConverter.GetBytes((ushort)w)); }
                else bytes.AddRange(BitConverter.GetBytes((ushort)w));
            }
            var theirs = Objdump.DisassembleThumb([.. bytes]);
            var dis = new ThumbDisassembler();
            uint address = 0;
            foreach (uint w in slice)
            {
                var insn = dis.Next(w);
                string ours = dis.Format(insn, address);
                string family = insn.Encoding?.Family ?? (insn.Size == 2 ? "T16Undefined" : "T32Undefined");
                if (!theirs.TryGetValue(address, out var text))
                    throw new InvalidOperationException($"objdump printed nothing for address 0x{address:x} ({w:x})");
                Record(insn.Word, family, insn.Encoding?.Name ?? "-", ours, text, KnownDisagreements.FindThumb(insn.Word));
                address += insn.Size;
            }
        }
    }
}
