using Translator.IR.State;

namespace Translator.Backend.Execution;

/// <summary>
/// Everything a translation bakes in, packed in one integer: the guest PC, the instruction set
/// state (T), the IT state it starts in (Thumb), the privilege it was translated for, the VMID, the
/// address space it belongs to, and the data endianness (CPSR.E).
///
/// The address space is <see cref="CpuState.AddressSpace"/>: an ASID with the MMU on, or none. A
/// block translated from a global page (nG = 0), or with the MMU off, is keyed as global (no ASID),
/// so kernel code is translated once for every process; the dispatcher looks a PC up under the
/// current ASID first, then as global. A global block stays right for every ASID for as long as the
/// global translation it came from does (see <see cref="CpuState.MappingEpoch"/>).
/// </summary>
public readonly record struct BlockKey(ulong Value)
{
    private const int AsidShift = 42;
    private const ulong TaggedBit = 1UL << 59;

    public static BlockKey Of(uint pc, bool thumb, byte itState, bool privileged, uint addressSpace, byte vmid, bool bigEndian = false) =>
        new(pc | (thumb ? 1UL << 32 : 0) | ((ulong)itState << 33) | (privileged ? 1UL << 41 : 0) | ((ulong)(byte)addressSpace << AsidShift)
            | ((ulong)vmid << 50) | (bigEndian ? 1UL << 58 : 0) | ((addressSpace & CpuState.AddressSpaceTranslated) != 0 ? TaggedBit : 0));

    public uint Pc => (uint)Value;
    public bool Thumb => (Value & (1UL << 32)) != 0;
    public byte ItState => (byte)(Value >> 33);
    public bool Privileged => (Value & (1UL << 41)) != 0;
    public byte Asid => (byte)(Value >> AsidShift);
    public byte Vmid => (byte)(Value >> 50);
    public bool BigEndian => (Value & (1UL << 58)) != 0;
    /// <summary>Whether the block belongs to every address space (not to one ASID).</summary>
    public bool Global => (Value & TaggedBit) == 0;
    /// <summary>The address space as <see cref="Of"/> takes it.</summary>
    public uint AddressSpace => Global ? 0 : Asid | CpuState.AddressSpaceTranslated;

    /// <summary>The same key for a block that every address space shares.</summary>
    public BlockKey AsGlobal() => new(Value & ~(TaggedBit | (0xFFUL << AsidShift)));

    /// <summary>The key of the block at another PC that runs under the same assumptions.</summary>
    public BlockKey At(uint pc, bool thumb, byte itState) => Of(pc, thumb, itState, Privileged, AddressSpace, Vmid, BigEndian);

    public override string ToString() => $"{Pc:x8}{(Thumb ? " T" : "")}{(ItState != 0 ? $" it={ItState:x2}" : "")}{(Privileged ? " priv" : " user")} {(Global ? "global" : $"asid {Asid}")} vmid {Vmid}{(BigEndian ? " be" : "")}";
}
