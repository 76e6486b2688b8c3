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
public sealed unsafe record SystemRegister(
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
    /// For a register User mode may reach only when the guest allows it (the generic timer's, by
    /// CNTKCTL): whether it allows it now. Null: the static rule alone decides.
    /// </summary>
    public Func<VCpu, bool>? UserAccess { get; init; }

    /// <summary>Whether an access in this direction is permitted at the given privilege (the register exists in it).</summary>
    public bool Permits(bool read, bool privileged) =>
        (read ? Read is not null : Write is not null)
        && (privileged || (read ? ReadAccess ?? Access : Access) == Access.Pl0);

    /// <summary>Whether an access in this direction is permitted now, in the vCPU's current mode and with its current controls.</summary>
    public bool PermitsNow(bool read, VCpu cpu)
    {
        bool privileged = IR.State.Modes.IsPrivileged(cpu.State->Mode);
        return Permits(read, privileged) && (privileged || UserAccess?.Invoke(cpu) != false);
    }

    /// <summary>A register that reads as a fixed value and ignores no writes (they are UNDEFINED).</summary>
    public static SystemRegister Constant(string name, RegisterEncoding encoding, uint value, Access access = Access.Pl1) =>
        new(name, encoding, access, _ => value, null);
}
