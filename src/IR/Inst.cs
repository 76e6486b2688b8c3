namespace Translator.IR;

/// <summary>
/// One IR micro-operation. <see cref="Aux"/> carries the operation's immediate parameter (a register
/// number, a flag, a shift width, memory access flags, a guest address, a call-out index).
/// </summary>
public sealed class Inst
{
    public Opcode Op { get; set; }
    public IrType Type { get; set; }
    public Value[] Args { get; set; }
    public ulong Aux { get; set; }
    /// <summary>Position in its block after the last renumbering; printers and engines use it as the value's slot.</summary>
    public int Id { get; internal set; }

    public Inst(Opcode op, IrType type, Value[] args, ulong aux)
    {
        Op = op;
        Type = type;
        Args = args;
        Aux = aux;
    }

    public bool HasSideEffect => Op.Info().SideEffect;
}
