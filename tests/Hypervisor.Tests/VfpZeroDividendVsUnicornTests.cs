using Translator.Backend.Execution;
using Translator.IR.Semantics;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// A zero divided by an infinity (or any number) is an exact zero: the fast path of VDIV once took
/// the NaN its exactness check computes for 0 × infinity as a sign of rounding and set FPSCR.IXC.
/// Every sign of zero and divisor, both precisions, both engines, against Unicorn.
/// </summary>
[Category("Oracle")]
public sealed class VfpZeroDividendVsUnicornTests : UnicornTests
{
    private static readonly ulong[] DoubleDivisors = [0x7FF0_0000_0000_0000, 0xFFF0_0000_0000_0000, 0x3FF8_0000_0000_0000, 0x0000_0000_0000_0001];
    private static readonly uint[] SingleDivisors = [0x7F80_0000, 0xFF80_0000, 0x3FC0_0000, 0x0000_0001];

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void ZeroDividendIsExact(EngineKind engine)
    {
        using var diff = new UnicornDifferential();
        var failures = new List<string>();
        foreach (bool negative in new[] { false, true })
            for (int k = 0; k < DoubleDivisors.Length; k++)
            {
                var d = new ulong[32];
                d[1] = negative ? 0x8000_0000_0000_0000 : 0;         // d1 (s2) = ±0.0
                d[2] = DoubleDivisors[k];
                var doubles = Compare(diff, engine, 0xEE810B02, d); // vdiv.f64 d0, d1, d2
                if (doubles is not null) failures.Add($"vdiv.f64 {(negative ? "-" : "+")}0 / {DoubleDivisors[k]:x16}: {doubles}");

                var s = new ulong[32];
                s[1] = negative ? 0x8000_0000UL : 0;                   // s2 = ±0.0f
                s[2] = SingleDivisors[k];                                // s4
                var singles = Compare(diff, engine, 0xEE810A02, s); // vdiv.f32 s0, s2, s4
                if (singles is not null) failures.Add($"vdiv.f32 {(negative ? "-" : "+")}0 / {SingleDivisors[k]:x8}: {singles}");
            }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    private static string? Compare(UnicornDifferential diff, EngineKind engine, uint word, ulong[] registers)
    {
        var setup = new UnicornDifferential.Setup([word], new uint[15], 0x1D3, new byte[UnicornDifferential.DataSize],
            Vfp: new UnicornDifferential.VfpState(registers, 0, VfpSystem.FpexcEnable));
        return diff.Compare(setup, engine);
    }
}
