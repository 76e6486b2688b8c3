namespace Translator.Hypervisor.SystemRegisters;

/// <summary>A coprocessor register's encoding as MCR/MRC name it: coprocessor, opc1, CRn, CRm, opc2.</summary>
public readonly record struct RegisterEncoding(int Coproc, int Opc1, int CRn, int CRm, int Opc2)
{
    public override string ToString() => $"p{Coproc}, {Opc1}, c{CRn}, c{CRm}, {Opc2}";
}

/// <summary>Who may access a register: from PL1 only, or from User mode too.</summary>
public enum Access { Pl1, Pl0 }

/// <summary>
/// One system register or operation: its name as the ARM ARM gives it, its encoding, who may
/// access it, and what a read and a write do (null: that direction is UNDEFINED).
/// </summary>
public sealed record SystemRegister(
    string Name,
    RegisterEncoding Encoding,
    Access Access,
    Func<VCpu, uint>? Read,
    Action<VCpu, uint>? Write);
