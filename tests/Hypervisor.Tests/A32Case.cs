using System.Buffers.Binary;
using Translator.Backend.Execution;

namespace Translator.Hypervisor.Tests;

/// <summary>One hand-picked A32 sequence from a chosen state, compared with Unicorn like the random ones (the VFP as after reset unless given).</summary>
internal static class A32Case
{
    /// <summary>The registers not named start at 0, the data window at 0, the CPSR in SVC mode with every flag and Q clear.</summary>
    public static void AssertMatchesUnicorn(EngineKind engine, uint[] code, (int Register, uint Value)[] registers, (uint Address, uint Word)[]? memory = null,
        UnicornDifferential.VfpState? vfp = null)
    {
        var regs = new uint[15];
        foreach (var (r, v) in registers) regs[r] = v;
        var data = new byte[UnicornDifferential.DataSize];
        foreach (var (address, word) in memory ?? [])
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan((int)(address - UnicornDifferential.DataBase)), word);
        using var diff = new UnicornDifferential();
        Assert.That(diff.Compare(new UnicornDifferential.Setup(code, regs, 0x1D3, data, Vfp: vfp), engine), Is.Null);
    }
}
