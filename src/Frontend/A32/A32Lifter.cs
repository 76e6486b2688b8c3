using Translator.Frontend.A32.Lift;
using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32;

/// <summary>
/// Forms A32 blocks and lifts them to IR. A block is a run of instructions sharing one condition
/// (checked once on entry); it ends at a branch or any write to PC, an exception, a trap, a change
/// of condition, an instruction that changes the flags inside a conditional run, a page boundary,
/// or <see cref="MaxInstructions"/>.
/// </summary>
public sealed class A32Lifter
{
    public const int MaxInstructions = 64;

    private static readonly Dictionary<Op, LiftHandler> Handlers = Collect();

    private readonly InstructionDecoder _decoder;

    public A32Lifter(InstructionDecoder? decoder = null) => _decoder = decoder ?? A32Table.CortexA15;

    /// <summary>The operations the lifter can translate.</summary>
    public static IReadOnlyCollection<Op> Supported => Handlers.Keys;

    private static Dictionary<Op, LiftHandler> Collect()
    {
        var all = new Dictionary<Op, LiftHandler>();
        foreach (var (op, handler) in BranchLift.Handlers.Concat(ExceptionLift.Handlers).Concat(DataProcessingLift.Handlers)
                     .Concat(LoadStoreLift.Handlers).Concat(LoadStoreMultipleLift.Handlers).Concat(StatusRegistersLift.Handlers).Concat(MultiplyLift.Handlers)
                     .Concat(MultiplyHalfwordLift.Handlers).Concat(MultiplyDualLift.Handlers).Concat(HintLift.Handlers))
            all.Add(op, handler);
        return all;
    }

    /// <param name="fetch">Reads an instruction word; null when the address cannot be fetched (a prefetch abort).</param>
    public Block Lift(uint pc, Func<uint, uint?> fetch, SensitiveMode sensitive)
    {
        var block = new Block(pc, thumb: false);
        var ctx = new LiftContext(block, sensitive);
        uint address = pc;
        for (int n = 0; n < MaxInstructions; n++)
        {
            if (n > 0 && (address & 0xFFF) == 0) break;
            if (fetch(address) is not { } word)
            {
                if (n == 0)
                {
                    ctx.Pc = address;
                    ctx.Raise(ExceptionKind.PrefetchAbort);
                    block.EndPc = address + 4;
                    return block;
                }
                break;
            }
            var insn = _decoder.Decode(word);
            byte cond = insn.Cond == Condition.Unconditional ? Conditions.Always : (byte)insn.Cond;
            if (n == 0) block.Condition = cond;
            else if (cond != block.Condition) break;

            ctx.Pc = address;
            ctx.Ir.Mark(address);
            int before = block.Insts.Count;
            LiftOne(insn, ctx);
            block.GuestInstructions++;
            address += 4;
            block.EndPc = address;
            if (ctx.Ended) break;
            if (block.Condition != Conditions.Always && WritesFlags(block, before)) break;
        }
        if (!ctx.Ended) ctx.Terminate(new Jump(address, false));
        block.ConditionFailedTarget = block.EndPc;
        return block;
    }

    private static void LiftOne(in Instruction insn, LiftContext ctx)
    {
        if (insn.IsUndefined)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return;
        }
        if (insn.Sensitive && ctx.Sensitive == SensitiveMode.Trap && insn.Op is not (Op.Svc or Op.Hvc or Op.Smc))
        {
            ctx.Terminate(new Trap(insn.Word, ctx.Pc, false));
            return;
        }
        if (!Handlers.TryGetValue(insn.Op, out var handler)) throw LiftContext.Unsupported(insn, ctx.Pc);
        handler(insn, ctx);
    }

    private static bool WritesFlags(Block block, int from)
    {
        for (int k = from; k < block.Insts.Count; k++)
            if (block.Insts[k].Op is Opcode.SetFlag or Opcode.SetGE or Opcode.CallOut) return true;
        return false;
    }
}
