using Translator.Backend.Execution;
using Translator.Oracles;
using static Translator.Hypervisor.Tests.A32Case;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// The halfword, dual and most-significant-word multiplies at the edges the random mix reaches
/// rarely: where Q must and must not be set, rounding, and 64-bit wrap-around. SMLAD whose two
/// products alone overflow is not here: Unicorn 2.0.1 sets Q for it even when the accumulator
/// brings the exact sum back into range, against the ARM ARM; the guest program multiplyq checks
/// it against QEMU 7.2 instead (tests/Guests/bare/multiplyq.c).
/// </summary>
[Category("Oracle")]
[TestFixture(EngineKind.Interpreter)]
[TestFixture(EngineKind.Jit)]
public sealed class A32MultiplyVsUnicornTests(EngineKind engine) : UnicornTests
{
    private const uint Smuad = 0xE700F211, Smlad = 0xE7003211, Smlsdx = 0xE7003271, Smlawb = 0xE1203281, Smlawt = 0xE12032C1,
        Smlabb = 0xE1003281, Smlatt = 0xE10032E1, Smlaltb = 0xE14542A1, Smlaldx = 0xE7454231, Smlsld = 0xE7454251,
        Smulwt = 0xE12002E1, Smultb = 0xE16002A1, Smmulr = 0xE750F231, Smmlar = 0xE7503231, Smmls = 0xE75032D1,
        Smmlsr = 0xE75032F1, Usada8 = 0xE7803211;

    /// <summary>(-2^15)^2 twice is 2^31: the only SMUAD that overflows.</summary>
    [Test]
    public void SmuadOfMostNegativeHalvesSetsQ() =>
        AssertMatchesUnicorn(engine, [Smuad], [(1, 0x8000_8000), (2, 0x8000_8000)]);

    [Test]
    public void SmladOverflowSetsQ() =>
        AssertMatchesUnicorn(engine, [Smlad], [(1, 0x4000_4000), (2, 0x4000_4000), (3, 0x7FFF_FFFF)]);

    [Test]
    public void SmlsdxOverflowSetsQ() =>
        AssertMatchesUnicorn(engine, [Smlsdx], [(1, 0x8000_7FFF), (2, 0x7FFF_8000), (3, 0x8000_0000)]);

    [Test]
    public void SmlawbOverflowSetsQ() =>
        AssertMatchesUnicorn(engine, [Smlawb], [(1, 0x7FFF_FFFF), (2, 0x0000_7FFF), (3, 0x7FFF_FFFF)]);

    /// <summary>Bits 47:16 of a negative product: the arithmetic shift keeps the sign.</summary>
    [Test]
    public void SmlawtOfNegativeProductMatches() =>
        AssertMatchesUnicorn(engine, [Smlawt, Smulwt], [(1, 0x8000_0001), (2, 0x7FFF_0000), (3, 0x0000_1234)]);

    [Test]
    public void SmlabbOverflowSetsQ() =>
        AssertMatchesUnicorn(engine, [Smlabb], [(1, 0x0000_8000), (2, 0x0000_8000), (3, 0x7FFF_FFFF)]);

    [Test]
    public void SmlattAndSmultbUseTheNamedHalves() =>
        AssertMatchesUnicorn(engine, [Smlatt, Smultb], [(1, 0x8001_0003), (2, 0x7FFF_0005), (3, 0x1000_0000)]);

    /// <summary>The 64-bit accumulations wrap and set no flag.</summary>
    [Test]
    public void LongHalfwordAndDualAccumulationsWrap() =>
        AssertMatchesUnicorn(engine, [Smlaltb, Smlaldx, Smlsld], [(1, 0x8000_8000), (2, 0x8000_7FFF), (4, 0xFFFF_FFFF), (5, 0x7FFF_FFFF)]);

    /// <summary>R adds 2^31 before the top word is taken; SMMLS subtracts from Ra:0, so a zero product still rounds.</summary>
    [Test]
    public void MostSignificantWordRounding() =>
        AssertMatchesUnicorn(engine, [Smmulr, Smmlar, Smmls, Smmlsr], [(1, 0x8000_0000), (2, 0x0000_0001), (3, 0x8000_0000)]);

    [Test]
    public void Usada8SumsByteDifferences() =>
        AssertMatchesUnicorn(engine, [Usada8], [(1, 0x00FF_7F80), (2, 0xFF00_807F), (3, 0xFFFF_FFF0)]);
}
