using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Lifting;
using Translator.Frontend.Thumb;
using Translator.Hypervisor.Memory;
using Translator.IR;

namespace Translator.Hypervisor;

/// <summary>
/// Lifts guest blocks for the dispatcher, ARM or Thumb as the key says, fetching instructions
/// through guest memory, and marks the pages they came from as holding code, so stores to them
/// invalidate the translations.
/// </summary>
public sealed class GuestBlockSource(GuestMemory memory, SensitiveMode sensitive, ISystemRegisterMap registers) : IBlockSource
{
    private readonly A32Lifter _arm = new();
    // Built at the first Thumb block: an ARM-only guest does not pay for the Thumb decode tables.
    private ThumbLifter? _thumb;

    public Block Translate(BlockKey key)
    {
        var settings = new LiftSettings(sensitive, key.BigEndian, key.Privileged, registers);
        var block = key.Thumb
            ? (_thumb ??= new ThumbLifter()).Lift(key.Pc, new ItState(key.ItState), FetchHalfword, settings)
            : _arm.Lift(key.Pc, FetchWord, settings);
        for (uint page = key.Pc & ~0xFFFu; page < block.EndPc; page += 0x1000) memory.ProtectCode(page);
        return block;
    }

    /// <summary>One instruction lifted as translate mode lowers it, for the hypervisor to interpret in place of a trapped one.</summary>
    public Block LiftSingle(uint pc, bool thumb, byte it, bool privileged, bool bigEndian)
    {
        var settings = new LiftSettings(SensitiveMode.Translate, bigEndian, privileged, registers) { MaxInstructions = 1 };
        return thumb
            ? (_thumb ??= new ThumbLifter()).Lift(pc, new ItState(it), FetchHalfword, settings)
            : _arm.Lift(pc, FetchWord, settings);
    }

    private uint? FetchWord(uint address) => memory.TryFetch(address, 4, out uint word) ? word : null;

    private ushort? FetchHalfword(uint address) => memory.TryFetch(address, 2, out uint half) ? (ushort)half : null;
}
