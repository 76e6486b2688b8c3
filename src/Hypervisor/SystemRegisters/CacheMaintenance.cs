namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The CP15 c7 cache and branch-predictor maintenance operations and the CP15 barriers. No data
/// cache is modelled (guest memory is always coherent), so data-cache operations only need to be
/// accepted; instruction-cache invalidation drops the translations it covers, which is how a guest
/// that writes code makes it visible.
/// </summary>
public static class CacheMaintenance
{
    private static RegisterEncoding C7(int crm, int opc2) => new(15, 0, 7, crm, opc2);

    private static void Nothing(VCpu cpu, ulong value) { }

    private static void InvalidateAll(VCpu cpu, ulong value) => cpu.Dispatcher.Cache.Clear();

    /// <summary>ICIMVAU names a virtual address: the blocks of the physical page it translates to go (an address that does not translate holds no code to drop).</summary>
    private static void InvalidateByAddress(VCpu cpu, ulong address)
    {
        if (cpu.Memory.TryTranslate((uint)address, Memory.AccessKind.Read, privileged: true, fill: false, out uint pa) == 0
            || cpu.Memory.TryTranslate((uint)address, Memory.AccessKind.Execute, privileged: true, fill: false, out pa) == 0)
            cpu.Dispatcher.Cache.InvalidatePage(pa);
    }

    public static readonly SystemRegister[] Registers =
    [
        new("ICIALLUIS", C7(1, 0), Access.Pl1, null, InvalidateAll),
        new("BPIALLIS", C7(1, 6), Access.Pl1, null, Nothing),
        new("ICIALLU", C7(5, 0), Access.Pl1, null, InvalidateAll),
        new("ICIMVAU", C7(5, 1), Access.Pl1, null, InvalidateByAddress),
        new("CP15ISB", C7(5, 4), Access.Pl0, null, Nothing),
        new("BPIALL", C7(5, 6), Access.Pl1, null, Nothing),
        new("BPIMVA", C7(5, 7), Access.Pl1, null, Nothing),
        new("DCIMVAC", C7(6, 1), Access.Pl1, null, Nothing),
        new("DCISW", C7(6, 2), Access.Pl1, null, Nothing),
        new("DCCMVAC", C7(10, 1), Access.Pl1, null, Nothing),
        new("DCCSW", C7(10, 2), Access.Pl1, null, Nothing),
        new("CP15DSB", C7(10, 4), Access.Pl0, null, Nothing),
        new("CP15DMB", C7(10, 5), Access.Pl0, null, Nothing),
        new("DCCMVAU", C7(11, 1), Access.Pl1, null, Nothing),
        new("DCCIMVAC", C7(14, 1), Access.Pl1, null, Nothing),
        new("DCCISW", C7(14, 2), Access.Pl1, null, Nothing),
    ];
}
