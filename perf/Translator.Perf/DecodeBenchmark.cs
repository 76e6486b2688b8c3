using BenchmarkDotNet.Attributes;
using Translator.Frontend.A32;
using Translator.Frontend.Decoding;
using Translator.Frontend.Thumb;

namespace Translator.Perf;

/// <summary>
/// Decode throughput, single thread: one operation is one decode, so the reported mean is the
/// time per instruction. A32 has two inputs: uniformly random words (every corner of the table) and
/// a compiler-like mix (mostly data processing, loads/stores and branches, condition AL). The record
/// reads its operand fields and its sensitivity on demand, so <see cref="TypicalCodeWithOperands"/>
/// also reads what a lifter reads of every instruction: class, condition, sensitivity and the
/// register and immediate fields. <see cref="ThumbTypicalCode"/> is a compiler-like Thumb-2 mix of
/// 16-bit and 32-bit instructions, a few of them inside IT blocks.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmark
{
    private const int Count = 1 << 16;
    private uint[] _random = [];
    private uint[] _typical = [];
    private readonly InstructionDecoder _decoder = A32Table.CortexA15;
    private (uint Hw1, uint Hw2, ItState It)[] _thumb = [];
    private readonly ThumbDecoder _thumbDecoder = ThumbTable.CortexA15;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _random = new uint[Count];
        for (int k = 0; k < Count; k++) _random[k] = (uint)rng.NextInt64(0, 1L << 32);
        uint[] templates =
        [
            0xE0800000, 0xE2800000, 0xE1A00000, 0xE3500000, 0xE5900000, 0xE5800000, 0xE1D000B0,
            0xE92D4000, 0xE8BD8000, 0xEA000000, 0xEB000000, 0xE12FFF10, 0xE0000090, 0xE7900000,
        ];
        _typical = new uint[Count];
        for (int k = 0; k < Count; k++)
        {
            uint t = templates[rng.Next(templates.Length)];
            // Randomise registers and immediates but keep the shape.
            uint noise = (uint)rng.Next() & 0x000F_F00F;
            _typical[k] = t | (t == 0xE1A00000 ? noise & 0xF00F : noise & (t >= 0xEA000000 && t < 0xEC000000 ? 0x00FF_FFFFu : 0x000F_F00Fu));
        }
        SetupThumb(rng);
    }

    private void SetupThumb(Random rng)
    {
        // First halfword, second halfword, and the bits of each that vary (registers, immediates).
        (uint Hw1, uint Hw2, uint Vary1, uint Vary2)[] templates =
        [
            (0x2000, 0, 0x07FF, 0), // MOVS Rd, #imm8
            (0x1800, 0, 0x01FF, 0), // ADDS Rd, Rn, Rm
            (0x6800, 0, 0x07FF, 0), // LDR Rt, [Rn, #imm5]
            (0x6000, 0, 0x07FF, 0), // STR Rt, [Rn, #imm5]
            (0x9800, 0, 0x07FF, 0), // LDR Rt, [SP, #imm8]
            (0x4600, 0, 0x00FF, 0), // MOV Rd, Rm
            (0x2800, 0, 0x07FF, 0), // CMP Rn, #imm8
            (0xD000, 0, 0x0DFF, 0), // B<c> (conditions EQ to LE)
            (0xE000, 0, 0x07FF, 0), // B
            (0xB500, 0, 0x00FF, 0), // PUSH {..., LR}
            (0xBD00, 0, 0x00FF, 0), // POP {..., PC}
            (0x4770, 0, 0x0000, 0), // BX LR
            (0xF000, 0xF800, 0x07FF, 0x2FFF), // BL
            (0xF8D0, 0x0000, 0x000F, 0xFFFF), // LDR.W Rt, [Rn, #imm12]
            (0xF8C0, 0x0000, 0x000F, 0xFFFF), // STR.W Rt, [Rn, #imm12]
            (0xF100, 0x0000, 0x040F, 0x7FFF), // ADD.W Rd, Rn, #const
            (0xF240, 0x0000, 0x040F, 0x7FFF), // MOVW Rd, #imm16
            (0xEB00, 0x0000, 0x001F, 0x7FFF), // ADD{S}.W Rd, Rn, Rm, shift
            (0xE92D, 0x4000, 0x0000, 0x1FFF), // PUSH.W {..., LR}
            (0xE9D0, 0x0000, 0x000F, 0xFFFF), // LDRD Rt, Rt2, [Rn, #imm8]
        ];
        _thumb = new (uint, uint, ItState)[Count];
        for (int k = 0; k < Count; k++)
        {
            var t = templates[rng.Next(templates.Length)];
            uint noise = (uint)rng.Next();
            // One instruction in eight is the last of an IT block (a conditional move or add).
            var it = rng.Next(8) == 0 ? ItState.Of(0x0, 0x8) : ItState.None;
            _thumb[k] = (t.Hw1 | (noise & t.Vary1), t.Hw2 | (noise >> 16 & t.Vary2), it);
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int RandomWords()
    {
        int sum = 0;
        foreach (uint w in _random) sum += (int)_decoder.Decode(w).Op;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TypicalCodeWithOperands()
    {
        int sum = 0;
        foreach (uint w in _typical)
        {
            var insn = _decoder.Decode(w);
            sum += (int)insn.Op + (int)insn.Class + (int)insn.Cond + (insn.Sensitive ? 1 : 0)
                + insn.Rd + insn.Rn + insn.Rm + insn.Rs + insn.Rt + (int)insn.Imm + insn.ShiftImm + insn.RegList;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TypicalCode()
    {
        int sum = 0;
        foreach (uint w in _typical) sum += (int)_decoder.Decode(w).Op;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ThumbTypicalCode()
    {
        int sum = 0;
        foreach (var (hw1, hw2, it) in _thumb) sum += (int)_thumbDecoder.Decode(hw1, hw2, it).Op;
        return sum;
    }
}
