using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of the parallel additions and subtractions: one packed IR operation each; the plain
/// signed and unsigned forms also set GE[3:0]. None of them touches Q.
/// </summary>
internal static class ParallelAddSubtractLift
{
    private static readonly Dictionary<Op, PackedOp> Operations = new()
    {
        [Op.Sadd16] = PackedOp.Sadd16, [Op.Sasx] = PackedOp.Sasx, [Op.Ssax] = PackedOp.Ssax,
        [Op.Ssub16] = PackedOp.Ssub16, [Op.Sadd8] = PackedOp.Sadd8, [Op.Ssub8] = PackedOp.Ssub8,
        [Op.Qadd16] = PackedOp.Qadd16, [Op.Qasx] = PackedOp.Qasx, [Op.Qsax] = PackedOp.Qsax,
        [Op.Qsub16] = PackedOp.Qsub16, [Op.Qadd8] = PackedOp.Qadd8, [Op.Qsub8] = PackedOp.Qsub8,
        [Op.Shadd16] = PackedOp.Shadd16, [Op.Shasx] = PackedOp.Shasx, [Op.Shsax] = PackedOp.Shsax,
        [Op.Shsub16] = PackedOp.Shsub16, [Op.Shadd8] = PackedOp.Shadd8, [Op.Shsub8] = PackedOp.Shsub8,
        [Op.Uadd16] = PackedOp.Uadd16, [Op.Uasx] = PackedOp.Uasx, [Op.Usax] = PackedOp.Usax,
        [Op.Usub16] = PackedOp.Usub16, [Op.Uadd8] = PackedOp.Uadd8, [Op.Usub8] = PackedOp.Usub8,
        [Op.Uqadd16] = PackedOp.Uqadd16, [Op.Uqasx] = PackedOp.Uqasx, [Op.Uqsax] = PackedOp.Uqsax,
        [Op.Uqsub16] = PackedOp.Uqsub16, [Op.Uqadd8] = PackedOp.Uqadd8, [Op.Uqsub8] = PackedOp.Uqsub8,
        [Op.Uhadd16] = PackedOp.Uhadd16, [Op.Uhasx] = PackedOp.Uhasx, [Op.Uhsax] = PackedOp.Uhsax,
        [Op.Uhsub16] = PackedOp.Uhsub16, [Op.Uhadd8] = PackedOp.Uhadd8, [Op.Uhsub8] = PackedOp.Uhsub8,
    };

    public static readonly (Op, LiftHandler)[] Handlers = [.. Operations.Keys.Select(op => (op, (LiftHandler)Parallel))];

    private static void Parallel(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var op = Operations[i.Op];
        var n = ctx.Reg(i.Rn);
        var m = ctx.Reg(i.Rm);
        if (op is >= PackedOp.Sadd16 and <= PackedOp.Ssub8 or >= PackedOp.Uadd16 and <= PackedOp.Usub8)
            ir.SetGE(ir.Emit(Opcode.PackedGe, (ulong)op, n, m));
        ctx.SetReg(i.Rd, ir.Emit(Opcode.Packed, (ulong)op, n, m), exchange: false);
    }
}
