using Translator.Frontend.A32.Lift;
using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.A32;

/// <summary>
/// Forms A32 blocks and lifts them to IR. A block is a run of instructions that either all run
/// unconditionally (a conditional instruction that only writes registers and flags is predicated
/// inside it, and a conditional B ends it with a two-way exit) or share one condition, checked once
/// on entry. It ends at a branch or any write to PC, an exception, a trap, a conditional instruction
/// that cannot be predicated, an instruction that changes the flags inside a conditional run, a page
/// boundary, or <see cref="MaxInstructions"/>.
/// </summary>
public sealed class A32Lifter
{
    public const int MaxInstructions = 64;

    private static readonly Dictionary<Op, LiftHandler> Handlers = Collect();

    private readonly InstructionDecoder _decoder;

    public A32Lifter(InstructionDecoder? decoder = null) => _decoder = decoder ?? A32Table.CortexA15;

    /// <summary>The operations the lifter can translate.</summary>
    public static IReadOnlyCollection<Op> Supported => Handlers.Keys;

    /// <summary>Whether an encoding runs as the guest's processor defines it: lifted, and not Advanced SIMD, which that processor lacks.</summary>
    public static bool Runs(Encoding e) => Handlers.ContainsKey(e.Op) && e.Feature != Feature.Neon;

    private static Dictionary<Op, LiftHandler> Collect()
    {
        var all = new Dictionary<Op, LiftHandler>();
        (Op, LiftHandler)[][] families =
        [
            BranchLift.Handlers, ExceptionLift.Handlers, DataProcessingLift.Handlers, LoadStoreLift.Handlers,
            LoadStoreMultipleLift.Handlers, StatusRegistersLift.Handlers, BankedRegistersLift.Handlers, MultiplyLift.Handlers, MultiplyHalfwordLift.Handlers,
            MultiplyDualLift.Handlers, HintLift.Handlers, ParallelAddSubtractLift.Handlers, MediaLift.Handlers,
            SaturatingLift.Handlers, CoprocessorLift.Handlers, ProcessorStateLift.Handlers,
            VfpDataProcessingLift.Handlers, VfpLoadStoreLift.Handlers, VfpTransferLift.Handlers,
        ];
        foreach (var (op, handler) in families.SelectMany(f => f))
            all.Add(op, handler);
        return all;
    }

    /// <param name="fetch">Reads an instruction word, or gives the status of the prefetch abort fetching it takes.</param>
    public Block Lift(uint pc, InstructionFetch fetch, LiftSettings settings)
    {
        var block = new Block(pc, thumb: false);
        var ctx = new LiftContext(block, settings);
        uint address = pc;
        int limit = Math.Min(MaxInstructions, settings.MaxInstructions);
        for (int n = 0; n < limit; n++)
        {
            if (n > 0 && (address & 0xFFF) == 0) break;
            if (fetch(address, out uint word) is var status and not 0)
            {
                if (n == 0)
                {
                    ctx.Pc = address;
                    ctx.Raise(ExceptionKind.PrefetchAbort, status);
                    block.EndPc = address + 4;
                    return block;
                }
                break;
            }
            var insn = _decoder.Decode(word);
            byte cond = insn.Cond == Condition.Unconditional ? Conditions.Always : (byte)insn.Cond;
            if (cond != Conditions.Always && cond != block.Condition && block.Condition == Conditions.Always
                && TryLiftPredicated(insn, cond, address, ctx))
            {
                block.GuestInstructions++;
                address += 4;
                block.EndPc = address;
                continue;
            }
            if (n == 0) block.Condition = cond;
            else if (cond != block.Condition)
            {
                // A conditional branch ending an unconditional run joins the block as a two-way exit,
                // so a loop's body and its back edge are one block.
                if (block.Condition == Conditions.Always && insn.Op == Op.B && insn.Class == InstrClass.Defined)
                {
                    ctx.Pc = address;
                    ctx.Ir.Mark(address);
                    var taken = ctx.ConditionPassed(cond);
                    ctx.Terminate(new If(taken, new Jump(BranchLift.Target(insn, ctx), false), new Jump(address + 4, false)));
                    block.GuestInstructions++;
                    address += 4;
                    block.EndPc = address;
                }
                break;
            }

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

    /// <summary>Lifts one instruction of either instruction set state; a sensitive one becomes a trap in trap mode.</summary>
    internal static void LiftOne(in Instruction insn, LiftContext ctx)
    {
        // The guest's processor has no Advanced SIMD (see VfpSystem.Mvfr1).
        if (insn.IsUndefined || insn.Encoding?.Feature == Feature.Neon)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return;
        }
        if (insn.Sensitive && ctx.Sensitive == SensitiveMode.Trap && insn.Op is not (Op.Svc or Op.Hvc or Op.Smc))
        {
            ctx.Terminate(new Trap(insn.Word, ctx.Pc, ctx.Thumb));
            return;
        }
        if (!Handlers.TryGetValue(insn.Op, out var handler)) throw LiftContext.Unsupported(insn, ctx.Pc);
        handler(insn, ctx);
    }

    /// <summary>
    /// Lifts a conditional instruction into an unconditional block when its only effects are writes of
    /// registers and flags: each write keeps the old value unless the condition passed. Anything else
    /// (memory, call-outs, a write to PC, an exception) is taken back, and the block ends before it.
    /// </summary>
    internal static bool TryLiftPredicated(in Instruction insn, byte cond, uint address, LiftContext ctx)
    {
        if (insn.IsUndefined || insn.Sensitive || insn.Encoding?.Feature == Feature.Neon || !Handlers.TryGetValue(insn.Op, out var handler)) return false;
        var block = ctx.Block;
        int start = block.Insts.Count;
        ctx.Pc = address;
        ctx.Ir.Mark(address);
        var passed = ctx.ConditionPassed(cond);
        int body = block.Insts.Count;
        handler(insn, ctx);
        bool predicable = !ctx.Ended;
        for (int k = body; k < block.Insts.Count && predicable; k++)
        {
            var op = block.Insts[k].Op;
            predicable = !block.Insts[k].HasSideEffect || op is Opcode.SetReg or Opcode.SetFlag or Opcode.SetGE;
        }
        if (!predicable)
        {
            block.Insts.RemoveRange(start, block.Insts.Count - start);
            block.Terminal = null;
            return false;
        }
        var lifted = block.Insts.GetRange(body, block.Insts.Count - body);
        block.Insts.RemoveRange(body, lifted.Count);
        foreach (var inst in lifted)
        {
            if (inst.Op is Opcode.SetReg or Opcode.SetFlag or Opcode.SetGE)
            {
                var old = ctx.Ir.Emit(inst.Op switch { Opcode.SetReg => Opcode.GetReg, Opcode.SetFlag => Opcode.GetFlag, _ => Opcode.GetGE }, inst.Aux);
                inst.Args = [ctx.Ir.Select(passed, inst.Args[0], old)];
            }
            block.Insts.Add(inst);
        }
        return true;
    }

    internal static bool WritesFlags(Block block, int from)
    {
        for (int k = from; k < block.Insts.Count; k++)
            if (block.Insts[k].Op is Opcode.SetFlag or Opcode.SetGE or Opcode.CallOut) return true;
        return false;
    }
}
