using BenchmarkDotNet.Attributes;
using Translator.Frontend.A32;
using Translator.Frontend.Decoding;

namespace Translator.Perf;

/// <summary>
/// A32 decode throughput, single thread: one operation is one decode, so the reported mean is the
/// time per instruction. Two inputs: uniformly random words (every corner of the table) and a
/// compiler-like mix (mostly data processing, loads/stores and branches, condition AL). The record
/// reads its operand fields and its sensitivity on demand, so <see cref="TypicalCodeWithOperands"/>
/// also reads what a lifter reads of every instruction: class, condition, sensitivity and the
/// register and immediate fields.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmark
{
    private const int Count = 1 << 16;
    private uint[] _random = [];
    private uint[] _typical = [];
    private readonly InstructionDecoder _decoder = A32Table.CortexA15;

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
}
