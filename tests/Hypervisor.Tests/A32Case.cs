using System.Buffers.Binary;
using Translator.Backend.Execution;

namespace Translator.Hypervisor.Tests;

/// <summary>One hand-picked A32 sequence from a chosen state, compared with Unicorn like the random ones (the VFP as after reset unless given).</summary>
internal static class A32Case
{
    /// <summary>The registers not named start at 0, the data window at 0, the CPSR in SVC mode with every flag and Q clear.</summary>
    public static void AssertMatchesUnicorn(EngineKind engine, uint[] code, (int Register, uint Value)[] registers, (uint Address, uint Word)[]? memory = null,
        A32Differential.VfpState? vfp = null)
    {
        var regs = new uint[15];
        foreach (var (r, v) in registers) regs[r] = v;
        var data = new byte[A32Differential.DataSize];
        foreach (var (address, word) in memory ?? [])
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan((int)(address - A32Differential.DataBase)), word);
        using var diff = new A32Differential();
        Assert.That(diff.Compare(new A32Differential.Setup(code, regs, 0x1D3, data, Vfp: vfp), engine), Is.Null);
    }
}
