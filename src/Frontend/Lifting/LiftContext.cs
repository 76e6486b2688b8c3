using Translator.Frontend.Decoding;
using Translator.IR;

namespace Translator.Frontend.Lifting;

/// <summary>
/// What a lifting handler sees of the block being built: the IR builder, the address of the
/// instruction being lifted, and ARM's rules for reading and writing R15.
/// </summary>
public sealed class LiftContext(Block block, LiftSettings settings)
{
    public IrBuilder Ir { get; } = new(block);
    public Block Block => Ir.Block;
    public LiftSettings Settings { get; } = settings;
    public SensitiveMode Sensitive => Settings.Sensitive;
    /// <summary>Whether the block runs at PL1 (part of its key): User mode makes some privileged instructions NOPs or UNDEFINED.</summary>
    public bool Privileged => Settings.Privileged;
    public uint Pc { get; internal set; }
    /// <summary>The size of the instruction being lifted: 4, or 2 for a 16-bit Thumb one.</summary>
    public uint Size { get; internal set; } = 4;
    public bool Thumb => Block.Thumb;
    /// <summary>CPSR.E when the block was translated (part of its key): data accesses are big-endian (BE-8).</summary>
    public bool BigEndian => Settings.BigEndian;
    /// <summary>The address of the next instruction in sequence.</summary>
    public uint NextPc => Pc + Size;

    /// <summary>The link value BL and BLX write to LR: the next instruction, with bit 0 set in Thumb state.</summary>
    public uint ReturnAddress => NextPc | (Thumb ? 1u : 0u);
    /// <summary>Set once a handler has given the block its terminal; the block ends after this instruction.</summary>
    public bool Ended => Block.Terminal is not null;

    /// <summary>The value a read of the register gives; R15 reads as the instruction's address + 8 (ARM) or + 4 (Thumb).</summary>
    public Value Reg(int r) => r == 15 ? Value.I32(Pc + (Thumb ? 4u : 8u)) : Ir.GetReg(r);

    /// <summary>R15 read as an address base for literal loads: word-aligned in Thumb (Align(PC, 4)).</summary>
    public Value PcAligned() => Value.I32((Pc + (Thumb ? 4u : 8u)) & ~3u);

    /// <summary>Writes a register; a write to R15 ends the block with a branch (interworking when <paramref name="exchange"/>).</summary>
    public void SetReg(int r, Value v, bool exchange)
    {
        if (r == 15) Ir.Terminate(new JumpIndirect(v, exchange));
        else Ir.SetReg(r, v);
    }

    public void Terminate(Terminal t) => Ir.Terminate(t);

    /// <summary>The ARM condition evaluated on the flags as IR, for a condition checked inside a block.</summary>
    public Value ConditionPassed(byte cond)
    {
        var ir = Ir;
        Value F(Flag f) => ir.GetFlag(f);
        var test = (cond >> 1) switch
        {
            0 => F(Flag.Z),
            1 => F(Flag.C),
            2 => F(Flag.N),
            3 => F(Flag.V),
            4 => ir.Emit(Opcode.BoolAnd, F(Flag.C), ir.Emit(Opcode.BoolNot, F(Flag.Z))),
            5 => ir.Emit(Opcode.BoolNot, ir.Emit(Opcode.BoolXor, F(Flag.N), F(Flag.V))),
            6 => ir.Emit(Opcode.BoolAnd, ir.Emit(Opcode.BoolNot, F(Flag.Z)), ir.Emit(Opcode.BoolNot, ir.Emit(Opcode.BoolXor, F(Flag.N), F(Flag.V)))),
            _ => throw new ArgumentOutOfRangeException(nameof(cond), "AL and the unconditional space have no test"),
        };
        return (cond & 1) != 0 ? ir.Emit(Opcode.BoolNot, test) : test;
    }

    /// <summary>A data load in the current endianness: BE-8 reverses the bytes of each halfword or word.</summary>
    public Value Load(int bytes, Value address, MemoryAccess access = MemoryAccess.None) => InDataOrder(bytes, Ir.Load(bytes, address, access));

    public void Store(int bytes, Value address, Value value, MemoryAccess access = MemoryAccess.None) =>
        Ir.Store(bytes, address, InDataOrder(bytes, value), access);

    /// <summary>Converts between a register value and the little-endian order memory holds it in (a no-op unless big-endian).</summary>
    public Value InDataOrder(int bytes, Value value) =>
        !BigEndian || bytes == 1 ? value : Ir.Emit(bytes == 2 ? Opcode.Rev16 : Opcode.Rev, value);

    public void Raise(ExceptionKind kind, uint immediate = 0) => Ir.Terminate(new RaiseException(kind, Pc, immediate));

    public Value Const(uint v) => Value.I32(v);

    /// <summary>A handler calls this for an encoding it does not support, so the run stops with the instruction named.</summary>
    public static LiftException Unsupported(in Instruction insn, uint pc) =>
        new(pc, insn.Word, $"no translation for {insn.Encoding?.Name ?? insn.Op.ToString()} (0x{insn.Word:x8}) at 0x{pc:x8}");
}

/// <summary>Lifts one decoded instruction into the context's block.</summary>
public delegate void LiftHandler(in Instruction insn, LiftContext ctx);
