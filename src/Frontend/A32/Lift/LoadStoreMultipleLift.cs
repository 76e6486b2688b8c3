using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of LDM/STM in all addressing modes and PUSH/POP, and of the ^ forms: STM and LDM of the
/// User-mode registers, and LDM with PC, an exception return. An unaligned base is not faulted here,
/// as QEMU (the reference) does not fault it.
/// </summary>
internal static class LoadStoreMultipleLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Ldm, Multiple), (Op.Ldmda, Multiple), (Op.Ldmdb, Multiple), (Op.Ldmib, Multiple),
        (Op.Stm, Multiple), (Op.Stmda, Multiple), (Op.Stmdb, Multiple), (Op.Stmib, Multiple),
        (Op.Push, Multiple), (Op.Pop, Multiple), (Op.LdmUser, Multiple), (Op.StmUser, Multiple),
    ];

    private const uint UserMode = 0x10;

    private static void Multiple(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        bool load = i.Op is Op.Ldm or Op.Ldmda or Op.Ldmdb or Op.Ldmib or Op.Pop or Op.LdmUser;
        ushort list = i.RegList;
        bool caret = i.Op is Op.LdmUser or Op.StmUser;
        // The ^ forms are UNPREDICTABLE in User mode; like QEMU, they are UNDEFINED there.
        if (caret && !ctx.Privileged)
        {
            ctx.Raise(ExceptionKind.Undefined);
            return;
        }
        bool exceptionReturn = i.Op == Op.LdmUser && (list & 0x8000) != 0;
        bool userRegisters = caret && !exceptionReturn;
        // The addressing mode is the operation's: IA, DA, DB or IB (PUSH is STMDB SP!, POP LDMIA SP!);
        // the ^ forms have P and U bits.
        bool before = caret ? i.Flag('P') : i.Op is Op.Ldmdb or Op.Stmdb or Op.Push or Op.Ldmib or Op.Stmib;
        bool up = caret ? i.Flag('U') : i.Op is Op.Ldm or Op.Stm or Op.Pop or Op.Ldmib or Op.Stmib;
        int rn = i.Op is Op.Push or Op.Pop ? 13 : i.Rn;
        // The 16-bit Thumb STM always writes back and LDM unless it loads its base; the others have a W bit (or are PUSH/POP).
        bool writeback = i.Op is Op.Push or Op.Pop
            || (i.Size == 2 ? i.Op == Op.Stm || (list & (1 << rn)) == 0 : i.Flag('W'));
        int count = System.Numerics.BitOperations.PopCount(list);
        var baseValue = ctx.Reg(rn);
        // The lowest register always goes to the lowest address.
        uint start = (up, before) switch
        {
            (true, false) => 0u,
            (true, true) => 4u,
            (false, false) => (uint)(-4 * count + 4),
            (false, true) => (uint)(-4 * count),
        };
        var final = up ? ir.Add(baseValue, Value.I32((uint)(4 * count))) : ir.Sub(baseValue, Value.I32((uint)(4 * count)));
        uint offset = start;
        Value pcValue = default;
        var loaded = new List<(int Reg, Value Value)>();
        for (int r = 0; r < 16; r++)
        {
            if ((list & (1 << r)) == 0) continue;
            var address = ir.Add(baseValue, Value.I32(offset));
            if (load)
            {
                var v = ctx.Load(4, address);
                if (r == 15) pcValue = v; else loaded.Add((r, v));
            }
            else
            {
                ctx.Store(4, address, userRegisters && r is >= 8 and <= 14 ? UserRegister(ctx, r) : ctx.Reg(r));
            }
            offset += 4;
        }
        if (writeback) ir.SetReg(rn, final);
        // A loaded base register wins over the writeback (UNPREDICTABLE when both).
        foreach (var (r, v) in loaded)
        {
            if (userRegisters && r is >= 8 and <= 14)
                ir.Emit(Opcode.CallOut, (ulong)CallOutKind.WriteBanked, v, Value.I32(BankedSelector.Of(r, UserMode)));
            else
                ir.SetReg(r, v);
        }
        if (exceptionReturn)
        {
            // CPSR = SPSR, then the branch with the restored instruction set's alignment.
            ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ExceptionReturn, pcValue);
            ctx.Terminate(new ContinueAtState());
        }
        else if (!pcValue.IsNone) ctx.SetReg(15, pcValue, exchange: true);
    }

    private static Value UserRegister(LiftContext ctx, int r) =>
        ctx.Ir.Emit(Opcode.CallOut, (ulong)CallOutKind.ReadBanked, Value.I32(BankedSelector.Of(r, UserMode)));
}
