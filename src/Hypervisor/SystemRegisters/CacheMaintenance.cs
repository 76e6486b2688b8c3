namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// The CP15 c7 cache and branch-predictor maintenance operations and the CP15 barriers. No cache is
/// modelled: guest memory is always coherent, and so are the translations, because every write to a
/// page that holds translated code (a store through any mapping, or a device's DMA) drops that page's
/// blocks. Instruction-cache invalidation has nothing left to do; dropping translations there as well
/// would cost a kernel dearly, since Linux invalidates the whole instruction cache each time it maps
/// an executable user page (__sync_icache_dcache), thousands of times in a boot.
/// </summary>
public static class CacheMaintenance
{
    private static RegisterEncoding C7(int crm, int opc2) => new(15, 0, 7, crm, opc2);

    private static void Nothing(VCpu cpu, ulong value) { }

    public static readonly SystemRegister[] Registers =
    [
        new("ICIALLUIS", C7(1, 0), Access.Pl1, null, Nothing),
        new("BPIALLIS", C7(1, 6), Access.Pl1, null, Nothing),
        new("ICIALLU", C7(5, 0), Access.Pl1, null, Nothing),
        new("ICIMVAU", C7(5, 1), Access.Pl1, null, Nothing),
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
