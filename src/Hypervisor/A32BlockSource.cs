using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.Memory;
using Translator.IR;

namespace Translator.Hypervisor;

/// <summary>
/// Lifts guest blocks for the dispatcher, fetching instructions through guest memory, and marks the
/// pages they came from as holding code, so stores to them invalidate the translations.
/// </summary>
public sealed class A32BlockSource(GuestMemory memory, SensitiveMode sensitive) : IBlockSource
{
    private readonly A32Lifter _lifter = new();

    public Block Translate(BlockKey key)
    {
        if (key.Thumb)
            throw new LiftException(key.Pc, 0, $"Thumb code at 0x{key.Pc:x8}: the Thumb instruction set is not supported yet");
        var block = _lifter.Lift(key.Pc, Fetch, sensitive, key.BigEndian);
        for (uint page = key.Pc & ~0xFFFu; page < block.EndPc; page += 0x1000) memory.ProtectCode(page);
        return block;
    }

    private uint? Fetch(uint address) => memory.TryFetch(address, 4, out uint word) ? word : null;
}
