namespace Translator.Backend.Execution;

/// <summary>
/// Everything a translation bakes in, packed in one integer: the guest PC, the instruction set
/// state (T), the IT state it starts in (Thumb), the privilege it was translated for, the VMID and
/// ASID it belongs to (ASID 0 for global code), and the data endianness (CPSR.E).
/// </summary>
public readonly record struct BlockKey(ulong Value)
{
    public static BlockKey Of(uint pc, bool thumb, byte itState, bool privileged, byte asid, byte vmid, bool bigEndian = false) =>
        new(pc | (thumb ? 1UL << 32 : 0) | ((ulong)itState << 33) | (privileged ? 1UL << 41 : 0) | ((ulong)asid << 42) | ((ulong)vmid << 50)
            | (bigEndian ? 1UL << 58 : 0));

    public uint Pc => (uint)Value;
    public bool Thumb => (Value & (1UL << 32)) != 0;
    public byte ItState => (byte)(Value >> 33);
    public bool Privileged => (Value & (1UL << 41)) != 0;
    public byte Asid => (byte)(Value >> 42);
    public byte Vmid => (byte)(Value >> 50);
    public bool BigEndian => (Value & (1UL << 58)) != 0;

    public override string ToString() => $"{Pc:x8}{(Thumb ? " T" : "")}{(ItState != 0 ? $" it={ItState:x2}" : "")}{(Privileged ? " priv" : " user")} asid {Asid} vmid {Vmid}{(BigEndian ? " be" : "")}";
}
