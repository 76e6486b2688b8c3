using Translator.Backend.Execution;
using Translator.Oracles;
using static Translator.Hypervisor.Tests.A32Case;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// SETEND and big-endian (BE-8) data accesses against Unicorn: every load and store size, the
/// multiple and exclusive forms, the VFP's single and double registers, and the switch back to little-endian.
/// </summary>
[Category("Oracle")]
[TestFixture(EngineKind.Interpreter)]
[TestFixture(EngineKind.Jit)]
public sealed class A32EndiannessVsUnicornTests(EngineKind engine) : UnicornTests
{
    private const uint Base = UnicornDifferential.DataBase + 0x100;

    // Assembled with arm-none-eabi-as: setend be; ldr r0, [r1]; ldrh r2, [r1]; ldrsh r4, [r1, #2];
    // str r3, [r1, #4]; strh r3, [r1, #8]; ldrd r6, r7, [r1]; ldm r1, {r8, r9}; stmib r1, {r3, r4};
    // ldrex r10, [r1]; strex r11, r3, [r1]; setend le; ldr r12, [r1, #4]
    private static readonly uint[] Code =
    [
        0xF1010200, 0xE5910000, 0xE1D120B0, 0xE1D140F2, 0xE5813004, 0xE1C130B8, 0xE1C160D0, 0xE8910300,
        0xE9810018, 0xE191AF9F, 0xE181BF93, 0xF1010000, 0xE591C004,
    ];

    [TestCase(13)]
    [TestCase(11)]
    [TestCase(4)]
    [TestCase(1)]
    public void BigEndianAccessesMatchUnicorn(int length) =>
        AssertMatchesUnicorn(engine, Code[..length], [(1, Base), (3, 0x8899_AABB)], [(Base, 0x1234_F678), (Base + 4, 0x9ABC_DEF0)]);

    // Assembled with arm-none-eabi-as: setend be; vldr d0, [r1]; vldr s4, [r1, #4]; vstr d0, [r1, #16];
    // vldmia r1, {d1-d2}; vstmdb r4!, {s4-s5}; vmov r2, r3, d1; setend le; vldr d3, [r1, #16]; vldr d4, [r1, #-8]
    private static readonly uint[] VfpCode =
    [
        0xF1010200, 0xED910B00, 0xED912A01, 0xED810B04, 0xEC911B04, 0xED242A02, 0xEC532B11, 0xF1010000,
        0xED913B04, 0xED114B02,
    ];

    [Test]
    public void BigEndianVfpAccessesMatchUnicorn() =>
        AssertMatchesUnicorn(engine, VfpCode, [(1, Base), (4, Base + 0x40)], [(Base, 0x1234_F678), (Base + 4, 0x9ABC_DEF0), (Base + 8, 0x0102_0304), (Base + 12, 0x0506_0708)],
            new UnicornDifferential.VfpState(new ulong[32], 0, IR.Semantics.VfpSystem.FpexcEnable));
}
