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

    /// <summary>Every c15 encoding the table does not name (all but CBAR): read as zero, writes ignored.</summary>
    public static readonly SystemRegister ReadAsZeroC15 = new("c15 (read-as-zero)", new(15, 0, 15, 0, 0), Access.Pl1, _ => 0, (_, _) => { }) { ConstantValue = 0 };

    public static bool IsReadAsZeroC15(RegisterEncoding encoding) => encoding is { Coproc: 15, CRn: 15, IsWide: false };

    public static readonly SystemRegister[] Registers =
    [
        new("L2CTLR", new(15, 1, 9, 0, 2), Access.Pl1, _ => L2Ctlr, (_, _) => { }) { ConstantValue = L2Ctlr },
        new("L2ECTLR", new(15, 1, 9, 0, 3), Access.Pl1, _ => 0, (_, _) => { }) { ConstantValue = 0 },
        // The base address of the private peripherals (the GIC), which the board decides.
        new("CBAR", new(15, 4, 15, 0, 0), Access.Pl1, cpu => cpu.PeripheralBase, null),
        .. ReservedIdentification(),
        ReadAsZeroC15,
    ];
}
