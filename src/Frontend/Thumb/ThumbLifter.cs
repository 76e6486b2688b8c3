using Translator.Frontend.A32;
using Translator.Frontend.A32.Lift;
using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;

namespace Translator.Frontend.Thumb;

/// <summary>
/// Forms Thumb blocks and lifts them to IR with the same handlers as A32 (the Thumb tables decode to
/// the same operations and fields). What is Thumb's own is the IT block: the IT instruction lifts to
/// nothing, and the ITSTATE of each following instruction is known while lifting, since a block is
/// translated for the ITSTATE it starts in (part of its key).
/// <para>
/// An instruction inside an IT block whose only effects are register and flag writes is predicated
/// in place; a conditional B ends the block with a two-way exit; any other conditional instruction
/// starts a block of its own whose condition is checked on entry, covering the following
/// instructions with the same condition. Every jump out of the block carries the ITSTATE of its
/// target, and a <see cref="Opcode.SetIt"/> keeps the state's copy right before anything that can
/// leave the block from inside an IT block (an exception saves ITSTATE in SPSR).
/// </para>
/// </summary>
public sealed class ThumbLifter(ThumbDecoder? decoder = null)
{
    public const int MaxInstructions = 64;

    private readonly ThumbDecoder _decoder = decoder ?? ThumbTable.CortexA15;

    /// <param name="it">ITSTATE at <paramref name="pc"/>.</param>
    /// <param name="fetch">Reads the halfword at an address; null when it cannot be fetched (a prefetch abort).</param>
    public Block Lift(uint pc, ItState it, Func<uint, ushort?> fetch, LiftSettings settings)
    {
        var block = new Block(pc, thumb: true) { StartIt = it.Value };
        var ctx = new LiftContext(block, settings);
        uint address = pc;
        var stateIt = it;
        int limit = Math.Min(MaxInstructions, settings.MaxInstructions);
        for (int n = 0; n < limit; n++)
        {
            if (n > 0 && (address & 0xFFF) == 0) break;
            if (fetch(address) is not { } hw1) { if (n == 0) FetchAbort(ctx, address); break; }
            uint hw2 = 0;
            if (ThumbDecoder.IsWide(hw1))
            {
                // A 32-bit instruction across a page boundary starts a block of its own, so its second
                // halfword's page is checked when that block is translated.
                if (n > 0 && ((address + 2) & 0xFFF) == 0) break;
                if (fetch(address + 2) is not { } second) { if (n == 0) FetchAbort(ctx, address); break; }
                hw2 = second;
            }
            var insn = _decoder.Decode(hw1, hw2, it);
            var next = ThumbDecoder.Next(insn, it);
            ctx.Pc = address;
            ctx.Size = insn.Size;

            if (insn.Op == Op.It && !insn.IsUndefined)
            {
                if (block.Condition != Conditions.Always) break;
                ctx.Ir.Mark(address);
                Advance(block, ref address, insn.Size);
                it = next;
                continue;
            }

            // BKPT is unconditional even inside an IT block.
            byte cond = insn.Cond >= Condition.Always || insn.Op == Op.Bkpt ? Conditions.Always : (byte)insn.Cond;
            if (cond != block.Condition)
            {
                if (block.Condition != Conditions.Always) break;
                if (insn.Op == Op.B && insn.Class == InstrClass.Defined)
                {
                    // A conditional branch: outside an IT block (B<c>) or the last of one.
                    ctx.Ir.Mark(address);
                    var taken = ctx.ConditionPassed(cond);
                    ctx.Terminate(new If(taken, new Jump(BranchLift.Target(insn, ctx), true), new Jump(ctx.NextPc, true, next.Value)));
                    Advance(block, ref address, insn.Size);
                    it = next;
                    break;
                }
                if (A32Lifter.TryLiftPredicated(insn, cond, address, ctx))
                {
                    Advance(block, ref address, insn.Size);
                    it = next;
                    continue;
                }
                if (n > 0) break;
                block.Condition = cond;
            }

            if (stateIt != it) { ctx.Ir.Emit(Opcode.SetIt, it.Value); stateIt = it; }
            ctx.Ir.Mark(address);
            int before = block.Insts.Count;
            A32Lifter.LiftOne(insn, ctx);
            Advance(block, ref address, insn.Size);
            if (ctx.Ended)
            {
                LeaveWithItState(ctx, stateIt, it, next);
                it = next;
                break;
            }
            it = next;
            if (block.Condition != Conditions.Always && A32Lifter.WritesFlags(block, before)) break;
        }
        if (!ctx.Ended) ctx.Terminate(new Jump(address, true, it.Value));
        block.ConditionFailedTarget = block.EndPc;
        block.ConditionFailedIt = it.Value;
        return block;
    }

    private static void Advance(Block block, ref uint address, int size)
    {
        block.GuestInstructions++;
        address += (uint)size;
        block.EndPc = address;
    }

    private static void FetchAbort(LiftContext ctx, uint address)
    {
        ctx.Pc = address;
        ctx.Raise(ExceptionKind.PrefetchAbort);
        ctx.Block.EndPc = address + 2;
    }

    /// <summary>
    /// The ITSTATE the state must hold when the block leaves through a terminal that does not carry
    /// it: the next instruction's after a branch or a call (SVC), the instruction's own when the
    /// exception returns to it (UNDEFINED, BKPT, a trap the hypervisor emulates).
    /// </summary>
    private static void LeaveWithItState(LiftContext ctx, ItState stateIt, ItState current, ItState next)
    {
        var wanted = ctx.Block.Terminal switch
        {
            Jump or If => stateIt,
            RaiseException r => r.Kind is ExceptionKind.SupervisorCall or ExceptionKind.HypervisorCall or ExceptionKind.SecureMonitorCall ? next : current,
            Trap => current,
            _ => next,
        };
        if (wanted != stateIt) ctx.Ir.Emit(Opcode.SetIt, wanted.Value);
    }
}
