using Translator.Frontend.Decoding;
using Translator.Frontend.Lifting;
using Translator.IR;

namespace Translator.Frontend.A32.Lift;

/// <summary>
/// Semantics of single loads and stores: word, byte, halfword, signed and doubleword, every
/// addressing mode, the unprivileged T forms, and the exclusives with the local monitor.
/// </summary>
internal static class LoadStoreLift
{
    public static readonly (Op, LiftHandler)[] Handlers =
    [
        (Op.Ldr, Single), (Op.Ldrb, Single), (Op.Str, Single), (Op.Strb, Single),
        (Op.Ldrt, Single), (Op.Ldrbt, Single), (Op.Strt, Single), (Op.Strbt, Single),
        (Op.Ldrh, Single), (Op.Ldrsb, Single), (Op.Ldrsh, Single), (Op.Strh, Single),
        (Op.Ldrht, Single), (Op.Ldrsbt, Single), (Op.Ldrsht, Single), (Op.Strht, Single),
        (Op.Ldrd, Dual), (Op.Strd, Dual),
        (Op.Ldrex, Exclusive), (Op.Ldrexb, Exclusive), (Op.Ldrexh, Exclusive), (Op.Ldrexd, Exclusive),
        (Op.Strex, Exclusive), (Op.Strexb, Exclusive), (Op.Strexh, Exclusive), (Op.Strexd, Exclusive),
        (Op.Swp, Swap), (Op.Swpb, Swap),
    ];

    private static bool IsUnprivileged(Op op) => op is Op.Ldrt or Op.Ldrbt or Op.Strt or Op.Strbt or Op.Ldrht or Op.Ldrsbt or Op.Ldrsht or Op.Strht;

    /// <summary>The offset of a load/store: an immediate (imm12, imm8, imm4H:imm4L), or a register, shifted by an immediate in some forms.</summary>
    private static Value Offset(in Instruction i, LiftContext ctx)
    {
        if (!i.Encoding!.Has(Field.Rm)) return Value.I32(i.Imm);
        return Shifter.ImmediateShift(ctx, ctx.Reg(i.Rm), i.ShiftType, i.ShiftImm, wantCarry: false).Operand;
    }

    /// <summary>The second register of a doubleword access: Rt2 in Thumb, Rt + 1 in A32.</summary>
    private static int SecondRegister(in Instruction i) => i.Encoding!.Has(Field.Rt2) ? i.Rt2 : i.Rt + 1;

    /// <summary>
    /// P (index before the access), U (add the offset) and W (write back): A32 keeps them at bits 24,
    /// 23 and 21 in every form; a Thumb encoding has them as flag letters or implies them (WithFlags),
    /// and one with neither is the plain offset form (P and U set, W clear).
    /// </summary>
    internal static (bool P, bool U, bool W) Indexing(in Instruction i)
    {
        var e = i.Encoding!;
        if (!e.Thumb) return ((i.Word & (1 << 24)) != 0, (i.Word & (1 << 23)) != 0, (i.Word & (1 << 21)) != 0);
        uint word = i.Word;
        bool Letter(char c, bool absent) => (e.ImpliedFlags >> (c - 'A') & 1) != 0 || (e.Pattern.FlagMask(c) == 0 ? absent : (word & e.Pattern.FlagMask(c)) != 0);
        return (Letter('P', true), Letter('U', true), Letter('W', false));
    }

    /// <summary>Computes the access address and performs the base writeback (post-indexed, or pre-indexed with W).</summary>
    private static Value Address(in Instruction i, LiftContext ctx, out Value writeback)
    {
        var ir = ctx.Ir;
        var (p, u, w) = Indexing(i);
        var offset = Offset(i, ctx);
        // Literal loads read PC word-aligned.
        var baseValue = i.Rn == 15 ? ctx.PcAligned() : ctx.Reg(i.Rn);
        var offsetAddress = u ? ir.Add(baseValue, offset) : ir.Sub(baseValue, offset);
        writeback = !p || w ? offsetAddress : default;
        return p ? offsetAddress : baseValue;
    }

    private static void Single(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var address = Address(i, ctx, out var writeback);
        var access = IsUnprivileged(i.Op) ? MemoryAccess.Unprivileged : MemoryAccess.None;
        switch (i.Op)
        {
            case Op.Str or Op.Strt: ctx.Store(4, address, ctx.Reg(i.Rt), access); break;
            case Op.Strb or Op.Strbt: ctx.Store(1, address, ctx.Reg(i.Rt), access); break;
            case Op.Strh or Op.Strht: ctx.Store(2, address, ctx.Reg(i.Rt), access); break;
        }
        Value loaded = i.Op switch
        {
            Op.Ldr or Op.Ldrt => ctx.Load(4, address, access),
            Op.Ldrb or Op.Ldrbt => ctx.Load(1, address, access),
            Op.Ldrh or Op.Ldrht => ctx.Load(2, address, access),
            Op.Ldrsb or Op.Ldrsbt => ir.Emit(Opcode.SignExtend8, ctx.Load(1, address, access)),
            Op.Ldrsh or Op.Ldrsht => ir.Emit(Opcode.SignExtend16, ctx.Load(2, address, access)),
            _ => default,
        };
        // Writeback before the destination: when they are the same register the load wins (and is UNPREDICTABLE anyway).
        if (!writeback.IsNone) ctx.SetReg(i.Rn, writeback, exchange: false);
        if (!loaded.IsNone) ctx.SetReg(i.Rt, loaded, exchange: true);
    }

    private static void Dual(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        var address = Address(i, ctx, out var writeback);
        var second = ir.Add(address, Value.I32(4));
        if (i.Op == Op.Strd)
        {
            // The ARM ARM wants these word-aligned (MemA); QEMU, the reference, does not fault them, nor does this.
            ctx.Store(4, address, ctx.Reg(i.Rt));
            ctx.Store(4, second, ctx.Reg(SecondRegister(i)));
            if (!writeback.IsNone) ctx.SetReg(i.Rn, writeback, exchange: false);
            return;
        }
        var low = ctx.Load(4, address);
        var high = ctx.Load(4, second);
        if (!writeback.IsNone) ctx.SetReg(i.Rn, writeback, exchange: false);
        ctx.SetReg(i.Rt, low, exchange: false);
        ctx.SetReg(SecondRegister(i), high, exchange: false);
    }

    private static void Exclusive(in Instruction i, LiftContext ctx)
    {
        var ir = ctx.Ir;
        // T32 LDREX/STREX add an offset; the other forms have none (it reads as zero).
        var address = i.Imm == 0 ? ctx.Reg(i.Rn) : ir.Add(ctx.Reg(i.Rn), Value.I32(i.Imm));
        switch (i.Op)
        {
            case Op.Ldrex: ctx.SetReg(i.Rt, ctx.InDataOrder(4, ir.Emit(Opcode.LoadExclusive32, address)), exchange: false); break;
            case Op.Ldrexb: ctx.SetReg(i.Rt, ir.Emit(Opcode.LoadExclusive8, address), exchange: false); break;
            case Op.Ldrexh: ctx.SetReg(i.Rt, ctx.InDataOrder(2, ir.Emit(Opcode.LoadExclusive16, address)), exchange: false); break;
            case Op.Ldrexd:
            {
                // Two words, each in the data endianness, the first at the lower address.
                var pair = ir.Emit(Opcode.LoadExclusive64, address);
                ctx.SetReg(i.Rt, ctx.InDataOrder(4, ir.Emit(Opcode.Lo32, pair)), exchange: false);
                ctx.SetReg(SecondRegister(i), ctx.InDataOrder(4, ir.Emit(Opcode.Hi32, pair)), exchange: false);
                break;
            }
            case Op.Strex: ctx.SetReg(i.Rd, ir.Emit(Opcode.StoreExclusive32, address, ctx.InDataOrder(4, ctx.Reg(i.Rt))), exchange: false); break;
            case Op.Strexb: ctx.SetReg(i.Rd, ir.Emit(Opcode.StoreExclusive8, address, ctx.Reg(i.Rt)), exchange: false); break;
            case Op.Strexh: ctx.SetReg(i.Rd, ir.Emit(Opcode.StoreExclusive16, address, ctx.InDataOrder(2, ctx.Reg(i.Rt))), exchange: false); break;
            default:
                var value = ir.Emit(Opcode.Pack64, ctx.InDataOrder(4, ctx.Reg(SecondRegister(i))), ctx.InDataOrder(4, ctx.Reg(i.Rt)));
                ctx.SetReg(i.Rd, ir.Emit(Opcode.StoreExclusive64, address, value), exchange: false);
                break;
        }
    }

    /// <summary>SWP, SWPB: Rt = the old memory value, memory = Rt2 (field m), at Rn; the word form must be aligned.</summary>
    private static void Swap(in Instruction i, LiftContext ctx)
    {
        int size = i.Op == Op.Swp ? 4 : 1;
        var address = ctx.Reg(i.Rn);
        var stored = ctx.Reg(i.Rm);
        var old = ctx.Load(size, address, MemoryAccess.Aligned);
        ctx.Store(size, address, stored, MemoryAccess.Aligned);
        ctx.SetReg(i.Rt, old, exchange: false);
    }
}
