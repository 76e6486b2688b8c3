using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// SETEND. The data endianness is part of a block's key, so the block ends after it and the next
/// one is translated for the new endianness. CPS, SRS and RFE belong to the privileged architecture.
/// </summary>
internal static class ProcessorStateLift
{
    public static readonly (Op, LiftHandler)[] Handlers = [(Op.Setend, SetEndianness)];

    private static void SetEndianness(in Instruction i, LiftContext ctx)
    {
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.SetEndianness, Value.I32(i.Flag('E') ? 1u : 0u));
        ctx.Terminate(new ReturnToDispatcher(ctx.NextPc, ctx.Thumb));
    }
}
