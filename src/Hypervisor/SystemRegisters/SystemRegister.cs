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

    /// <summary>A register that reads as a fixed value and ignores no writes (they are UNDEFINED).</summary>
    public static SystemRegister Constant(string name, RegisterEncoding encoding, uint value, Access access = Access.Pl1) =>
        new(name, encoding, access, _ => value, null);
}
