namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The identification registers of a Cortex-A15 r4p0 as QEMU's `virt` board presents it (no
/// Security or Virtualization Extensions visible, so ID_PFR1 shows neither), and the cache-size
/// registers that CSSELR selects among. Every value is read-only; the unimplemented encodings of
/// c0, c0 read as MIDR, as ARMv7 specifies.
/// </summary>
public static unsafe class Identification
{
    public const uint Midr = 0x414F_C0F0;
    public const uint Mpidr = 0x8000_0000;
    /// <summary>CLIDR: separate L1 instruction and data caches, a unified L2; LoUU 1, LoC 2, LoUIS 1.</summary>
    public const uint Clidr = 0x0A20_0023;

    private static RegisterEncoding C0(int opc1, int crm, int opc2) => new(15, opc1, 0, crm, opc2);

    /// <summary>CCSIDR for each CSSELR value that names a cache (level &lt;&lt; 1 | instruction).</summary>
    private static readonly Dictionary<uint, uint> CacheSizes = new()
    {
        [0] = 0x701F_E00A, // L1 data: 32 KB, 2-way, 64-byte lines
        [1] = 0x201F_E00A, // L1 instruction: 32 KB, 2-way, 64-byte lines
        [2] = 0x711F_E07A, // L2 unified: 2 MB, 16-way, 64-byte lines
    };

    public static readonly SystemRegister[] Registers =
    [
        SystemRegister.Constant("MIDR", C0(0, 0, 0), Midr),
        SystemRegister.Constant("CTR", C0(0, 0, 1), 0x8444_C004),
        SystemRegister.Constant("TCMTR", C0(0, 0, 2), 0),
        SystemRegister.Constant("TLBTR", C0(0, 0, 3), 0),
        SystemRegister.Constant("MIDR (alias 4)", C0(0, 0, 4), Midr),
        SystemRegister.Constant("MPIDR", C0(0, 0, 5), Mpidr),
        SystemRegister.Constant("REVIDR", C0(0, 0, 6), Midr),
        SystemRegister.Constant("MIDR (alias 7)", C0(0, 0, 7), Midr),
        SystemRegister.Constant("ID_PFR0", C0(0, 1, 0), 0x0000_1131),
        SystemRegister.Constant("ID_PFR1", C0(0, 1, 1), 0x0001_0001),
        SystemRegister.Constant("ID_DFR0", C0(0, 1, 2), 0x0201_0505),
        SystemRegister.Constant("ID_AFR0", C0(0, 1, 3), 0),
        SystemRegister.Constant("ID_MMFR0", C0(0, 1, 4), 0x1020_1105),
        SystemRegister.Constant("ID_MMFR1", C0(0, 1, 5), 0x2000_0000),
        SystemRegister.Constant("ID_MMFR2", C0(0, 1, 6), 0x0124_0000),
        SystemRegister.Constant("ID_MMFR3", C0(0, 1, 7), 0x0210_2211),
        SystemRegister.Constant("ID_ISAR0", C0(0, 2, 0), 0x0210_1110),
        SystemRegister.Constant("ID_ISAR1", C0(0, 2, 1), 0x1311_2111),
        SystemRegister.Constant("ID_ISAR2", C0(0, 2, 2), 0x2123_2041),
        SystemRegister.Constant("ID_ISAR3", C0(0, 2, 3), 0x1111_2131),
        SystemRegister.Constant("ID_ISAR4", C0(0, 2, 4), 0x1001_1142),
        SystemRegister.Constant("ID_ISAR5", C0(0, 2, 5), 0),
        new("CCSIDR", C0(1, 0, 0), Access.Pl1, cpu => CacheSizes.GetValueOrDefault(cpu.State->Csselr), null),
        SystemRegister.Constant("CLIDR", C0(1, 0, 1), Clidr),
        SystemRegister.Constant("AIDR", C0(1, 0, 7), 0),
        // CSSELR keeps Level[3:1] and InD[0]; a selection naming no cache reads back as written but selects an UNKNOWN CCSIDR.
        SystemRegister.Word("CSSELR", C0(2, 0, 0), Access.Pl1, nameof(IR.State.CpuState.Csselr), 0xF),
    ];
}
