namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The Cortex-A15's IMPLEMENTATION DEFINED registers a kernel may touch, with the values QEMU's
/// model gives them, the reserved identification space that ARMv7 makes read-as-zero, and the
/// rest of c15, which reads as zero and ignores writes as on QEMU's model.
/// </summary>
public static class ImplementationDefined
{
    /// <summary>L2CTLR as QEMU's Cortex-A15 reports it for one processor.</summary>
    private const uint L2Ctlr = 0x0080_0000;

    private static IEnumerable<SystemRegister> ReservedIdentification() =>
        from crm in Enumerable.Range(3, 5)
        from opc2 in Enumerable.Range(0, 8)
        select SystemRegister.Constant($"c0, c{crm}, {opc2} (reserved, RAZ)", new(15, 0, 0, crm, opc2), 0);

    /// <summary>c15 outside CBAR, for every opc1, CRm and opc2.</summary>
    private static IEnumerable<SystemRegister> C15() =>
        from opc1 in Enumerable.Range(0, 8)
        from crm in Enumerable.Range(0, 16)
        from opc2 in Enumerable.Range(0, 8)
        where !(opc1 == 4 && crm == 0 && opc2 == 0)
        select new SystemRegister($"c15 ({opc1}, c{crm}, {opc2})", new(15, opc1, 15, crm, opc2), Access.Pl1, _ => 0, (_, _) => { }) { ConstantValue = 0 };

    public static readonly SystemRegister[] Registers =
    [
        new("L2CTLR", new(15, 1, 9, 0, 2), Access.Pl1, _ => L2Ctlr, (_, _) => { }) { ConstantValue = L2Ctlr },
        new("L2ECTLR", new(15, 1, 9, 0, 3), Access.Pl1, _ => 0, (_, _) => { }) { ConstantValue = 0 },
        // The base address of the private peripherals (the GIC), which the board decides.
        new("CBAR", new(15, 4, 15, 0, 0), Access.Pl1, cpu => cpu.PeripheralBase, null),
        .. ReservedIdentification(),
        .. C15(),
    ];
}
