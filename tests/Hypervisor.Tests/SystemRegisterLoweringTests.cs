using Translator.Frontend.A32;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.SystemRegisters;
using Translator.IR;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Translate mode lowers CP15 accesses by what they do: a constant or a plain state word inline, a
/// write with side effects as a call-out that ends the block when translations depend on it, an
/// access the privilege may not make, or of an encoding with no register, as UNDEFINED; only an
/// access whose permission changes at run time still traps.
/// </summary>
public sealed class SystemRegisterLoweringTests
{
    private static Block Lift(uint word, bool privileged = true) =>
        new A32Lifter().Lift(0x1000, (uint a, out uint bits) => { bits = a == 0x1000 ? word : 0xE320F000; return 0; }, new LiftSettings(SensitiveMode.Translate, Privileged: privileged, Registers: SystemRegisterTable.CortexA15())
        { MaxInstructions = 1 });

    private static IEnumerable<Opcode> Ops(Block b) => b.Insts.Select(i => i.Op);

    [Test]
    public void ThreadIdReadIsAnInlineStateLoad()
    {
        var b = Lift(0xEE1D0F70); // mrc p15, 0, r0, c13, c0, 3 (TPIDRURO)
        Assert.That(Ops(b), Does.Contain(Opcode.GetSystemWord).And.Not.Contain(Opcode.CallOut));
    }

    [Test]
    public void IdentificationReadIsAConstant()
    {
        var b = Lift(0xEE100F10); // mrc p15, 0, r0, c0, c0, 0 (MIDR)
        Assert.That(Ops(b), Does.Not.Contain(Opcode.GetSystemWord).And.Not.Contain(Opcode.CallOut));
        Assert.That(b.Insts.Single(i => i.Op == Opcode.SetReg).Args[0].IsConstant, Is.True);
    }

    [Test]
    public void ControlRegisterWriteCallsOutAndEndsTheBlock()
    {
        var b = Lift(0xEE010F10); // mcr p15, 0, r0, c1, c0, 0 (SCTLR)
        Assert.That(Ops(b), Does.Contain(Opcode.CallOut));
        Assert.That(b.Terminal, Is.TypeOf<ReturnToDispatcher>());
    }

    [Test]
    public void PrivilegedRegisterFromUserModeIsUndefined()
    {
        var b = Lift(0xEE110F10, privileged: false); // mrc p15, 0, r0, c1, c0, 0 (SCTLR)
        Assert.That(b.Terminal, Is.TypeOf<RaiseException>().With.Property(nameof(RaiseException.Kind)).EqualTo(ExceptionKind.Undefined));
    }

    [Test]
    public void UnallocatedEncodingIsUndefined()
    {
        var b = Lift(0xEE140F10); // mrc p15, 0, r0, c4, c0, 0: no register there
        Assert.That(b.Terminal, Is.TypeOf<RaiseException>().With.Property(nameof(RaiseException.Kind)).EqualTo(ExceptionKind.Undefined));
    }

    [Test]
    public void RegisterUserModeMayBeAllowedToReadTrapsFromUserMode()
    {
        var b = Lift(0xEE190F1D, privileged: false); // mrc p15, 0, r0, c9, c13, 0 (PMCCNTR): PMUSERENR.EN decides when it runs
        Assert.That(b.Terminal, Is.TypeOf<Trap>());
    }
}
