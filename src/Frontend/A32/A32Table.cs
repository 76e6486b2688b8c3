using Translator.Frontend.A32.Decode;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.A32;

/// <summary>The A32 decode table: every family's lines, and the decoder built from them once.</summary>
public static class A32Table
{
    /// <summary>Each family's table, by name, in the order their lines are numbered.</summary>
    public static readonly IReadOnlyList<(string Family, Encoding[] Lines)> Families =
    [
        ("DataProcessing", DataProcessing.Lines),
        ("Multiply", Multiply.Lines),
        ("Saturating", Saturating.Lines),
        ("ParallelAddSubtract", ParallelAddSubtract.Lines),
        ("Media", Media.Lines),
        ("LoadStore", LoadStore.Lines),
        ("LoadStoreExtra", LoadStoreExtra.Lines),
        ("LoadStoreMultiple", LoadStoreMultiple.Lines),
        ("Branch", Branch.Lines),
        ("System", SystemInstructions.Lines),
        ("StatusRegisters", StatusRegisters.Lines),
        ("ProcessorState", ProcessorState.Lines),
        ("Crc", Crc.Lines),
        ("Coprocessor", Coprocessor.Lines),
        ("LegacyCoprocessor", LegacyCoprocessor.Lines),
        ("CoprocessorSpaceV8", CoprocessorSpaceV8.Lines),
        ("VfpDataProcessing", VfpDataProcessing.Lines),
        ("VfpLoadStore", VfpLoadStore.Lines),
        ("VfpTransfer", VfpTransfer.Lines),
        ("AdvancedSimd", AdvancedSimd.Lines),
    ];

    public static IReadOnlyList<Encoding> All { get; } = Number();

    private static Encoding[] Number()
    {
        var all = new List<Encoding>();
        foreach (var (family, lines) in Families)
            foreach (var e in lines)
            {
                e.Family = family;
                e.Index = all.Count;
                all.Add(e);
            }
        return [.. all];
    }

    /// <summary>The decoder for a Cortex-A15 (ARMv7-A with VFPv4-D32, Advanced SIMD, divide, MP, Security and Virtualization).</summary>
    public static InstructionDecoder CortexA15 { get; } = new(All, Feature.CortexA15, splitOnCondition: true);
}
