using Translator.Oracles;

namespace Translator.Frontend.Tests;

/// <summary>The Unicorn binding the semantic differential tests rely on: memory, registers and execution reach the library.</summary>
[Category("Oracle")]
public sealed class UnicornBindingTests
{
    [Test]
    public void RunsAWordAndReportsRegisters()
    {
        if (!Unicorn.Available) Assert.Fail("libunicorn.so.2 is missing: run ./run-tests, which installs libunicorn2");
        using var uc = new Unicorn();
        uc.Map(0x1000, 0x1000);
        uc.Write(0x1000, BitConverter.GetBytes(0xE080_1000u)); // add r1, r0, r0
        uint r0 = (uint)new Random(5).Next();
        uc.SetReg(Unicorn.Reg.R(0), r0);
        Assert.That(uc.Run(0x1000, 0x1004, 1), Is.Zero);
        Assert.That(uc.GetReg(Unicorn.Reg.R(1)), Is.EqualTo(unchecked(r0 + r0)));
        Assert.That(uc.GetReg(Unicorn.Reg.Pc), Is.EqualTo(0x1004u));
        Assert.That(uc.GetReg(Unicorn.Reg.Cpsr) & 0x1F, Is.EqualTo(0x13u), "Unicorn starts in SVC mode");
    }
}
