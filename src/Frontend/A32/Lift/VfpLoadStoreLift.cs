using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;
using Translator.IR.Semantics;
using static Translator.Frontend.A32.Lift.VfpRegisterFile;
using static Translator.Frontend.Decoding.VfpRegisters;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// VLDR, VSTR, VLDM, VSTM, VPUSH, VPOP and the deprecated FLDMX/FSTMX. A double register moves as
/// two words, the one at the lower address being its low half (its high half when big-endian), as
/// the ARM ARM has it. As for the integer loads and stores, an unaligned address is not faulted,
/// as QEMU (the reference) does not fault it.
/// </summary>
internal static class VfpLoadStoreLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Vldr, Single), (Op.Vstr, Single),
        (Op.Vldm, Multiple), (Op.Vldmdb, Multiple), (Op.Vstm, Multiple), (Op.Vstmdb, Multiple),
        (Op.Vpush, Multiple), (Op.Vpop, Multiple),
        (Op.Fldmiax, Multiple), (Op.Fldmdbx, Multiple), (Op.Fstmiax, Multiple), (Op.Fstmdbx, Multiple),
    ];

    private static bool IsLoad(in Instruction i) => (i.Word & (1 << 20)) != 0;

    /// <summary>VLDR and VSTR: [Rn, #±imm8×4], PC-relative from the word-aligned PC.</summary>
    private static void Single(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        var ir = ctx.Ir;
        var baseValue = i.Rn == 15 ? ctx.PcAligned() : ctx.Reg(i.Rn);
        uint offset = i.Imm * 4;
        var address = (i.Word & (1 << 23)) != 0 ? ir.Add(baseValue, Value.I32(offset)) : ir.Sub(baseValue, Value.I32(offset));
        Transfer(ctx, IsLoad(i), IsDouble(i), IsDouble(i) ? Dd(i) : Sd(i), address);
    }

    /// <summary>
    /// The multiple forms: increment after (with optional writeback) or decrement before (always
    /// writing back), imm8 words in all; a double-register list with an odd imm8 is FLDMX/FSTMX, whose
    /// extra word is skipped but counted in the writeback.
    /// </summary>
    private static void Multiple(in Instruction i, LiftContext ctx)
    {
        Require(ctx, VfpAccess.Enabled);
        var ir = ctx.Ir;
        bool dp = IsDouble(i), load = IsLoad(i), increment = (i.Word & (1 << 23)) != 0, writeback = (i.Word & (1 << 21)) != 0;
        int n = i.Op is Op.Vpush or Op.Vpop ? 13 : i.Rn;
        int count = (int)i.Imm;
        uint words = (uint)(i.Word & 0xFF);
        var baseValue = ctx.Reg(n);
        var start = increment ? baseValue : ir.Sub(baseValue, Value.I32(words * 4));
        int first = dp ? Dd(i) : Sd(i);
        for (int k = 0; k < count; k++)
            Transfer(ctx, load, dp, first + k, ir.Add(start, Value.I32((uint)(k * (dp ? 8 : 4)))));
        if (writeback) ctx.SetReg(n, increment ? ir.Add(baseValue, Value.I32(words * 4)) : start, exchange: false);
    }

    /// <summary>Loads or stores one S register, or one D register as two words.</summary>
    private static void Transfer(LiftContext ctx, bool load, bool dp, int register, Value address)
    {
        var ir = ctx.Ir;
        if (!dp)
        {
            if (load) SetS(ctx, register, ctx.Load(4, address));
            else ctx.Store(4, address, S(ctx, register));
            return;
        }
        var second = ir.Add(address, Value.I32(4));
        if (load)
        {
            var lower = ctx.Load(4, address);
            var upper = ctx.Load(4, second);
            SetD(ctx, register, ctx.BigEndian ? ir.Emit(Opcode.Pack64, lower, upper) : ir.Emit(Opcode.Pack64, upper, lower));
        }
        else
        {
            var value = D(ctx, register);
            var low = ir.Emit(Opcode.Lo32, value);
            var high = ir.Emit(Opcode.Hi32, value);
            ctx.Store(4, address, ctx.BigEndian ? high : low);
            ctx.Store(4, second, ctx.BigEndian ? low : high);
        }
    }
}
