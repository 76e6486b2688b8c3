namespace Translator.IR;

/// <summary>Appends IR to a block. Every method returns the value it defines, so lifting reads like the ARM ARM's pseudocode.</summary>
public sealed class IrBuilder(Block block)
{
    public Block Block { get; } = block;

    public Value Emit(Opcode op, ulong aux, params Value[] args)
    {
        var info = op.Info();
        var type = op == Opcode.Select ? args[1].Type : info.Result;
        var inst = new Inst(op, type, args, aux) { Id = Block.Insts.Count };
        Block.Insts.Add(inst);
        return type == IrType.Void ? default : Value.Of(inst);
    }

    public Value Emit(Opcode op, params Value[] args) => Emit(op, 0, args);

    public static Value Const(uint v) => Value.I32(v);
    public static Value Const(bool v) => Value.Bool(v);

    public void Mark(uint pc) => Emit(Opcode.Mark, pc);
    public Value GetReg(int r) => Emit(Opcode.GetReg, (ulong)r);
    public void SetReg(int r, Value v) => Emit(Opcode.SetReg, (ulong)r, v);
    public Value GetFlag(Flag f) => Emit(Opcode.GetFlag, (ulong)f);
    public void SetFlag(Flag f, Value v) => Emit(Opcode.SetFlag, (ulong)f, v);
    public Value GetGE() => Emit(Opcode.GetGE);
    public void SetGE(Value v) => Emit(Opcode.SetGE, v);

    public Value Add(Value a, Value b) => Emit(Opcode.Add, a, b);
    public Value Sub(Value a, Value b) => Emit(Opcode.Sub, a, b);
    public Value Mul(Value a, Value b) => Emit(Opcode.Mul, a, b);
    public Value And(Value a, Value b) => Emit(Opcode.And, a, b);
    public Value Or(Value a, Value b) => Emit(Opcode.Or, a, b);
    public Value Xor(Value a, Value b) => Emit(Opcode.Xor, a, b);
    public Value AndNot(Value a, Value b) => Emit(Opcode.AndNot, a, b);
    public Value Not(Value a) => Emit(Opcode.Not, a);
    public Value AddWithCarry(Value a, Value b, Value carry) => Emit(Opcode.AddWithCarry, a, b, carry);
    public Value CarryOfAdd(Value a, Value b, Value carry) => Emit(Opcode.CarryOfAdd, a, b, carry);
    public Value OverflowOfAdd(Value a, Value b, Value carry) => Emit(Opcode.OverflowOfAdd, a, b, carry);
    public Value IsZero(Value a) => Emit(Opcode.IsZero, a);
    public Value IsNegative(Value a) => Emit(Opcode.IsNegative, a);
    public Value Select(Value condition, Value ifTrue, Value ifFalse) => Emit(Opcode.Select, condition, ifTrue, ifFalse);

    public Value Load(int bytes, Value address, MemoryAccess access = MemoryAccess.None) => bytes switch
    {
        1 => Emit(Opcode.Load8, (ulong)access, address),
        2 => Emit(Opcode.Load16, (ulong)access, address),
        4 => Emit(Opcode.Load32, (ulong)access, address),
        8 => Emit(Opcode.Load64, (ulong)access, address),
        _ => throw new ArgumentOutOfRangeException(nameof(bytes)),
    };

    public void Store(int bytes, Value address, Value value, MemoryAccess access = MemoryAccess.None) => _ = bytes switch
    {
        1 => Emit(Opcode.Store8, (ulong)access, address, value),
        2 => Emit(Opcode.Store16, (ulong)access, address, value),
        4 => Emit(Opcode.Store32, (ulong)access, address, value),
        8 => Emit(Opcode.Store64, (ulong)access, address, value),
        _ => throw new ArgumentOutOfRangeException(nameof(bytes)),
    };

    public void Terminate(Terminal t) => Block.Terminal = t;
}
