namespace Translator.Frontend.Lifting;

/// <summary>
/// The assumptions a block is lifted under, besides its address and instruction set state: how
/// sensitive instructions become IR, the data endianness (CPSR.E), the privilege it runs at (both
/// part of its key), the hypervisor's system registers for translate mode, and a cap on its length.
/// </summary>
public sealed record LiftSettings(SensitiveMode Sensitive, bool BigEndian = false, bool Privileged = true, ISystemRegisterMap? Registers = null)
{
    /// <summary>At most this many instructions (1 lifts a single instruction, as trap emulation does).</summary>
    public int MaxInstructions { get; init; } = int.MaxValue;
}

/// <summary>
/// The hypervisor's system registers as the lifter needs them in translate mode: whether a CP14/CP15
/// register exists, whether the block's privilege may access it, and whether writing it ends the block.
/// </summary>
public interface ISystemRegisterMap
{
    /// <summary>Null when no such register is modelled: the access then traps, and the hypervisor names it.</summary>
    SystemRegisterPlan? Plan(int coproc, int opc1, int crn, int crm, int opc2, bool wide, bool read, bool privileged);
}

/// <summary>
/// How to lower one access: the register's handle for the call-out, whether the access is permitted
/// (else UNDEFINED), and whether the block ends after it. Where the access has no side effect, it is
/// lowered inline instead: a read of a <see cref="Constant"/>, or of the state word at
/// <see cref="StateOffset"/>; a write to the state word at <see cref="PlainWriteOffset"/>, keeping
/// <see cref="WriteMask"/>'s bits and setting <see cref="WriteOnes"/>', when that is all a write does.
/// </summary>
public readonly record struct SystemRegisterPlan(uint Handle, bool Permitted, bool EndsBlock)
{
    public uint? Constant { get; init; }
    public int? StateOffset { get; init; }
    public int? PlainWriteOffset { get; init; }
    public uint WriteMask { get; init; }
    public uint WriteOnes { get; init; }
}
