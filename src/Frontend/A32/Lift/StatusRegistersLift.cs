using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// MRS and MSR of CPSR/SPSR in translate mode: call-outs apply the ARM ARM's rules for each field.
/// A CPSR write ends the block, since the mode, the masks and with them the translation's
/// assumptions may change.
/// </summary>
internal static class StatusRegistersLift
{
    public static readonly (Op, LiftHandler)[] Handlers = [(Op.Mrs, Mrs), (Op.Msr, Msr)];

    private static bool Spsr(in Instruction i) => i.Flag('R');

    private static void Mrs(in Instruction i, LiftContext ctx)
    {
        var kind = Spsr(i) ? CallOutKind.ReadSpsr : CallOutKind.ReadCpsr;
        ctx.SetReg(i.Rd, ctx.Ir.Emit(Opcode.CallOut, (ulong)kind), exchange: false);
    }

    private static void Msr(in Instruction i, LiftContext ctx)
    {
        Value value = i.Encoding!.Has(Field.Rotate)
            ? Value.I32(Bits.ExpandArmImmediate(i.Imm, i.Rotate))
            : ctx.Reg(i.Rn);
        // The field mask is the pattern's m field in both instruction sets.
        var mask = Value.I32((uint)i.Rm);
        if (Spsr(i))
        {
            ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.WriteSpsr, value, mask);
            return;
        }
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.WriteCpsr, value, mask);
        ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb));
    }
}
