using Translator.Backend.Execution;
using Translator.Oracles;
using static Translator.Hypervisor.Tests.A32Case;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// The local exclusive monitor against QEMU's, which Unicorn runs: it tags the exact address and
/// compares values, not sizes (see MemoryPaths.StoreExclusive for why the architecture allows each case).
/// </summary>
[Category("Oracle")]
[TestFixture(EngineKind.Interpreter)]
[TestFixture(EngineKind.Jit)]
public sealed class A32ExclusiveMonitorVsUnicornTests(EngineKind engine) : UnicornTests
{
    private const uint Base = UnicornDifferential.DataBase + 0x100;

    // ldrex r4, [r1] / ldrexb / ldrexh / ldrexd r4, r5, [r1]; strex r2, r3, [r1] / strexb / strexh; strexd r2, r6, r7, [r1];
    // str r4, [r1]; str r3, [r1]; clrex
    private const uint Ldrex = 0xE1914F9F, Ldrexb = 0xE1D14F9F, Ldrexh = 0xE1F14F9F, Ldrexd = 0xE1B14F9F,
        Strex = 0xE1812F93, Strexb = 0xE1C12F93, Strexh = 0xE1E12F93, Strexd = 0xE1A12F96,
        StrR4 = 0xE5814000, StrR3 = 0xE5813000, Clrex = 0xF57FF01F;

    private void Run(uint[] code, uint word, uint nextWord = 0) =>
        AssertMatchesUnicorn(engine, code, [(1, Base), (3, 0xDEAD_BEEF), (6, 0x1111_1111), (7, 0x2222_2222)], [(Base, word), (Base + 4, nextWord)]);

    [Test]
    public void PairOfSameSizePasses() => Run([Ldrex, Strex], 0x1234_5678);

    [Test]
    public void StoreWithoutLoadFails() => Run([Strex], 0);

    /// <summary>Even at address 0, where memory and the monitor's reset value are both 0.</summary>
    [Test]
    public void StoreWithoutLoadFailsAtAddressZero() =>
        AssertMatchesUnicorn(engine, [Strex], [(1, 0), (3, 0xDEAD_BEEF)]);

    [Test]
    public void ClrexMakesTheStoreFail() => Run([Ldrex, Clrex, Strex], 0x1234_5678);

    /// <summary>A narrower store compares its own bytes to decide whether to store, but the whole loaded word to report: it lands and returns 1.</summary>
    [Test]
    public void NarrowerStoreLandsButReportsFailure() => Run([Ldrex, Strexb], 0x1234_5678);

    /// <summary>A wider store passes when memory equals the loaded byte zero-extended.</summary>
    [Test]
    public void WiderStorePassesWhenTheUpperBytesAreZero() => Run([Ldrexb, Strex], 0x0000_0078);

    [Test]
    public void WiderStoreFailsWhenTheUpperBytesAreNot() => Run([Ldrexb, Strex], 0x1234_5678);

    [Test]
    public void WordStoreAfterDoublewordLoadComparesTheLowWord() => Run([Ldrexd, Strex], 0x1234_5678, 5);

    [Test]
    public void DoublewordStoreAfterWordLoadNeedsAZeroHighWord() => Run([Ldrex, Strexd], 0x1234_5678, 0);

    /// <summary>A plain store of the value already there leaves the monitor able to pass.</summary>
    [Test]
    public void PlainStoreOfTheSameValueKeepsTheMonitor() => Run([Ldrex, StrR4, Strex], 0x1234_5678);

    [Test]
    public void PlainStoreOfAnotherValueClearsTheMonitor() => Run([Ldrex, StrR3, Strex], 0x1234_5678);

    /// <summary>The tagged address matches, so the halfword store is attempted and its alignment checked.</summary>
    [Test]
    public void MisalignedStoreAtTheTaggedAddressFaults() =>
        AssertMatchesUnicorn(engine, [Ldrexb, Strexh], [(1, Base + 1), (3, 0xBEEF)], [(Base, 0x1234_5678)]);

    [Test]
    public void HalfwordPairPasses() => Run([Ldrexh, Strexh], 0x1234_5678);
}
