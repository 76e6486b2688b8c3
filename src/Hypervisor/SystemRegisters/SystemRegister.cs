using System.Runtime.InteropServices;
using Translator.IR.State;

namespace Translator.Hypervisor.SystemRegisters;

/// <summary>
/// A coprocessor register's encoding as MCR/MRC name it (coprocessor, opc1, CRn, CRm, opc2), or as
/// MCRR/MRRC name a 64-bit one (coprocessor, opc1, CRm: see <see cref="Wide"/>).
/// </summary>
public readonly record struct RegisterEncoding(int Coproc, int Opc1, int CRn, int CRm, int Opc2)
{
    private const int WideCRn = 16;

    /// <summary>The encoding of a 64-bit register reached with MCRR/MRRC.</summary>
    public static RegisterEncoding Wide(int coproc, int opc1, int crm) => new(coproc, opc1, WideCRn, crm, 0);

    public bool IsWide => CRn == WideCRn;

    public override string ToString() => IsWide ? $"p{Coproc}, {Opc1}, c{CRm}" : $"p{Coproc}, {Opc1}, c{CRn}, c{CRm}, {Opc2}";
}

/// <summary>Who may access a register: from PL1 only, or from User mode too.</summary>
public enum Access { Pl1, Pl0 }

/// <summary>
/// One system register or operation: its name as the ARM ARM gives it, its encoding, who may
/// access it, what a read and a write do (null: that direction is UNDEFINED), and whether a write
/// changes an assumption translated code was made under (the MMU, the privilege, the ASID), so that
/// the block must end after it. A 32-bit register uses the low half of the value.
/// </summary>
public sealed record SystemRegister(
    string Name,
    RegisterEncoding Encoding,
    Access Access,
    Func<VCpu, ulong>? Read,
    Action<VCpu, ulong>? Write,
    bool EndsBlock = false)
{
    /// <summary>
    /// Who may read, when it differs from who may write (TPIDRURO: User mode reads it, only PL1 writes
    /// it); null means <see cref="Access"/> for both.
    /// </summary>
    public Access? ReadAccess { get; init; }

    /// <summary>
    /// For a PL1 register that a control register can open to User mode (PMUSERENR.EN, CNTKCTL): whether
    /// User mode may access it now. Translated code cannot know, so User-mode accesses of such a
    /// register always trap and are checked then.
    /// </summary>
    public Func<VCpu, bool>? UserAccessWhen { get; init; }

    /// <summary>What <see cref="UserAccessWhen"/> opens to User mode is reads only (CNTFRQ); User-mode writes stay UNDEFINED.</summary>
    public bool UserAccessReadOnly { get; init; }

    /// <summary>Whether an access in this direction is permitted at the given privilege (the register exists in it).</summary>
    public bool Permits(VCpu cpu, bool read, bool privileged) =>
        Exists(read) && (privileged || PermitsUser(read) || ((read || !UserAccessReadOnly) && UserAccessWhen?.Invoke(cpu) == true));

    public bool Exists(bool read) => read ? Read is not null : Write is not null;

    public bool PermitsUser(bool read) => (read ? ReadAccess ?? Access : Access) == Access.Pl0;

    /// <summary>The value a read always gives, for a read-only register: translated code uses it as a constant.</summary>
    public uint? ConstantValue { get; init; }

    /// <summary>The byte offset in <see cref="CpuState"/> of the word a read returns: translated code reads it inline.</summary>
    public int? StateOffset { get; init; }

    /// <summary>Whether a write only stores the value, masked with <see cref="WriteMask"/>, to the state word: translated code writes it inline.</summary>
    public bool PlainWrite { get; init; }

    public uint WriteMask { get; init; } = uint.MaxValue;

    /// <summary>Bits a plain write sets whatever is written: fields that read as one.</summary>
    public uint WriteOnes { get; init; }

    /// <summary>A register that reads as a fixed value; writes are UNDEFINED.</summary>
    public static SystemRegister Constant(string name, RegisterEncoding encoding, uint value, Access access = Access.Pl1) =>
        new(name, encoding, access, _ => value, null) { ConstantValue = value };

    /// <summary>A register that is a word of the guest state, written with <paramref name="writeMask"/>'s bits and nothing else happening.</summary>
    public static unsafe SystemRegister Word(string name, RegisterEncoding encoding, Access access, string field, uint writeMask = uint.MaxValue, uint readsAsOne = 0)
    {
        int offset = (int)Marshal.OffsetOf<CpuState>(field);
        return new(name, encoding, access, cpu => *(uint*)((byte*)cpu.State + offset), (cpu, value) => *(uint*)((byte*)cpu.State + offset) = ((uint)value & writeMask) | readsAsOne)
        {
            StateOffset = offset,
            PlainWrite = true,
            WriteMask = writeMask,
            WriteOnes = readsAsOne,
        };
    }

    /// <summary>The byte offset of a word of the guest state, for registers whose reads are plain but whose writes do more.</summary>
    public static int OffsetOf(string field) => (int)Marshal.OffsetOf<CpuState>(field);
}
