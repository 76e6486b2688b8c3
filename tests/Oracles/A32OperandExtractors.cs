using Translator.Frontend.Decoding;

namespace Translator.Oracles;

/// <summary>
/// Translator's decoded record reduced to <see cref="A32Operands"/>, one function per encoding family,
/// driven by the record's fields (never by its text), in the operand order of the assembly syntax.
/// A family without a function here is not compared.
/// </summary>
public static class A32OperandExtractors
{
    public static readonly IReadOnlyDictionary<string, Func<Instruction, uint, A32Operands>> ByFamily =
        new Dictionary<string, Func<Instruction, uint, A32Operands>>
        {
            ["DataProcessing"] = (i, _) => DataProcessing(i),
            ["Multiply"] = (i, _) => Multiply(i),
            ["Saturating"] = (i, _) => A32MediaOperandExtractors.Saturating(i),
            ["ParallelAddSubtract"] = (i, _) => Make(i, [i.Rd, i.Rn, i.Rm]),
            ["Media"] = (i, _) => A32MediaOperandExtractors.Media(i),
            ["ProcessorState"] = (i, _) => A32MediaOperandExtractors.ProcessorState(i),
            ["Crc"] = (i, _) => Make(i, [i.Rd, i.Rn, i.Rm]),
            ["LoadStore"] = (i, _) => SingleLoadStore(i),
            ["LoadStoreExtra"] = (i, _) => ExtraLoadStore(i),
            ["LoadStoreMultiple"] = (i, _) => LoadStoreMultiple(i),
            ["Branch"] = Branch,
            ["System"] = (i, _) => System(i),
            ["StatusRegisters"] = (i, _) => StatusRegisters(i),
            ["Coprocessor"] = (i, _) => Coprocessor(i),
            // Instructions of coprocessors a Cortex-A15 lacks: the generic coprocessor forms with GNU's names.
            ["LegacyCoprocessor"] = (i, _) => Coprocessor(i),
            ["VfpDataProcessing"] = (i, _) => A32VfpOperandExtractors.DataProcessing(i),
            ["VfpLoadStore"] = (i, _) => A32VfpOperandExtractors.LoadStore(i),
            ["VfpTransfer"] = (i, _) => A32VfpOperandExtractors.Transfer(i),
        };

    internal static int Cond(in Instruction i) => i.Cond == Condition.Unconditional ? (int)Condition.Always : (int)i.Cond;

    internal static A32Operands Make(in Instruction i, int[] regs, long[]? imms = null, string shift = "",
        bool minus = false, bool writeback = false, bool? setsFlags = null) =>
        new(Cond(i), regs, imms is null ? [] : [.. imms.Select(v => (long)(uint)v)], shift, minus, writeback, setsFlags);

    internal static bool Has(in Instruction i, Field f) => i.Encoding!.Pattern.Has(f);

    private static A32Operands DataProcessing(Instruction i)
    {
        bool s = i.Flag('S');
        // The second operand: an expanded immediate, a register with an immediate shift, or a register shifted by a register.
        (int[] Regs, long[] Imms, string Shift) Operand2() =>
            Has(i, Field.Rotate) ? ([], ModifiedImmediate(i), "")
            : Has(i, Field.Rs) ? ([i.Rm], [], A32Operands.RegisterShift(i.ShiftType, i.Rs))
            : ([i.Rm], [], A32Operands.ImmediateShift(i.ShiftType, i.ShiftImm));
        switch (i.Op)
        {
            case Op.Movw or Op.Movt:
                return Make(i, [i.Rd], [i.Imm]);
            case Op.Tst or Op.Teq or Op.Cmp or Op.Cmn:
            {
                var (regs, imms, shift) = Operand2();
                return Make(i, [i.Rn, .. regs], imms, shift);
            }
            case Op.Mov or Op.Mvn:
            {
                var (regs, imms, shift) = Operand2();
                return Make(i, [i.Rd, .. regs], imms, shift, setsFlags: s);
            }
            case Op.Lsl or Op.Lsr or Op.Asr or Op.Ror when Has(i, Field.Rs):
                return Make(i, [i.Rd, i.Rm, i.Rs], setsFlags: s);
            case Op.Lsl or Op.Lsr or Op.Asr or Op.Ror:
                // The shift type is the operation's own; the pattern fixes those bits.
                var type = i.Op switch { Op.Lsl => ShiftType.Lsl, Op.Lsr => ShiftType.Lsr, Op.Asr => ShiftType.Asr, _ => ShiftType.Ror };
                return Make(i, [i.Rd, i.Rm], shift: A32Operands.ImmediateShift(type, i.ShiftImm), setsFlags: s);
            case Op.Rrx:
                return Make(i, [i.Rd, i.Rm], setsFlags: s);
            default:
            {
                var (regs, imms, shift) = Operand2();
                return Make(i, [i.Rd, i.Rn, .. regs], imms, shift, setsFlags: s);
            }
        }
    }

    /// <summary>
    /// A rotated immediate as the assembly syntax gives it: its value, or the 8-bit constant and the
    /// rotation when the encoding is not the one with the smallest rotation for that value.
    /// </summary>
    private static long[] ModifiedImmediate(in Instruction i)
    {
        int rotate = i.Rotate * 2;
        uint value = Bits.ExpandArmImmediate(i.Imm, i.Rotate);
        int smallest = 0;
        while (smallest < 32 && Bits.RotateRight(value, (32 - smallest) & 31) > 0xFF) smallest += 2;
        return smallest == rotate ? [value] : [i.Imm, rotate];
    }

    private static A32Operands Multiply(Instruction i)
    {
        // Field letters: d = bits 19:16 (Rd, or RdHi), a = 15:12 (Ra, or RdLo), m = 11:8, n = 3:0.
        bool? s = i.Op is Op.Mul or Op.Mla or Op.Umull or Op.Umlal or Op.Smull or Op.Smlal ? i.Flag('S') : null;
        return i.Op switch
        {
            Op.Umull or Op.Umlal or Op.Smull or Op.Smlal or Op.Umaal
                or Op.Smlalbb or Op.Smlalbt or Op.Smlaltb or Op.Smlaltt
                or Op.Smlald or Op.Smlaldx or Op.Smlsld or Op.Smlsldx => Make(i, [i.Ra, i.Rd, i.Rn, i.Rm], setsFlags: s),
            _ when Has(i, Field.Ra) => Make(i, [i.Rd, i.Rn, i.Rm, i.Ra], setsFlags: s),
            _ => Make(i, [i.Rd, i.Rn, i.Rm], setsFlags: s),
        };
    }

    /// <summary>A memory operand: base, then the offset (pre-indexed: inside the brackets, only when not zero; post-indexed: after them, always).</summary>
    private static A32Operands Memory(in Instruction i, int[] transferred, bool hasImmediate, long immediate)
    {
        bool pre = i.Flag('P'), up = i.Flag('U');
        bool writeback = !pre || i.Flag('W');
        if (hasImmediate)
        {
            long offset = up ? immediate : -immediate;
            long[] imms = pre && offset == 0 ? [] : [offset];
            return Make(i, [.. transferred, i.Rn], imms, writeback: writeback);
        }
        string shift = Has(i, Field.ShiftType) ? A32Operands.ImmediateShift(i.ShiftType, i.ShiftImm) : "";
        return Make(i, [.. transferred, i.Rn, i.Rm], shift: shift, minus: !up, writeback: writeback);
    }

    private static A32Operands SingleLoadStore(Instruction i) =>
        Memory(i, [i.Rt], !Has(i, Field.Rm), i.Imm);

    private static A32Operands ExtraLoadStore(Instruction i) => i.Op switch
    {
        Op.Ldrd or Op.Strd => Memory(i, [i.Rt, i.Rt + 1], !Has(i, Field.Rm), i.Imm),
        Op.Strh or Op.Ldrh or Op.Ldrsb or Op.Ldrsh => Memory(i, [i.Rt], !Has(i, Field.Rm), i.Imm),
        // The unprivileged forms: the record has no offset field (the pattern leaves those bits as x).
        Op.Strht or Op.Ldrht or Op.Ldrsbt or Op.Ldrsht => Make(i, [i.Rt, i.Rn], null, writeback: true) with { Immediates = null },
        Op.Ldrexd or Op.Ldaexd => Make(i, [i.Rt, i.Rt + 1, i.Rn]),
        Op.Strexd or Op.Stlexd => Make(i, [i.Rd, i.Rt, i.Rt + 1, i.Rn]),
        Op.Strex or Op.Strexb or Op.Strexh or Op.Stlex or Op.Stlexb or Op.Stlexh => Make(i, [i.Rd, i.Rt, i.Rn]),
        Op.Swp or Op.Swpb => Make(i, [i.Rt, i.Rm, i.Rn]),
        _ => Make(i, [i.Rt, i.Rn]),
    };

    private static int[] List(ushort list) => [.. Enumerable.Range(0, 16).Where(r => (list & (1 << r)) != 0)];

    private static A32Operands LoadStoreMultiple(Instruction i) => i.Op switch
    {
        Op.Push or Op.Pop => Make(i, [13, .. List(i.RegList)], writeback: true),
        _ => Make(i, [i.Rn, .. List(i.RegList)], writeback: i.Flag('W')),
    };

    private static A32Operands Branch(Instruction i, uint address) => i.Op switch
    {
        Op.B or Op.Bl => Make(i, [], [(uint)(address + 8 + (Bits.SignExtend(i.Imm, 24) << 2))]),
        Op.Blx when Has(i, Field.Imm) => Make(i, [], [(uint)(address + 8 + (Bits.SignExtend(i.Imm, 24) << 2) + (i.Flag('H') ? 2 : 0))]),
        _ => Make(i, [i.Rm]),
    };

    private static A32Operands System(Instruction i) => i.Op switch
    {
        Op.Clz => Make(i, [i.Rd, i.Rm]),
        Op.Pld or Op.Pldw or Op.Pli => A32MediaOperandExtractors.MemoryHint(i),
        // The barrier option: the i field, or the value the line fixes (DSB option 12).
        Op.Dsb or Op.Dmb or Op.Isb => Make(i, [], [i.Word & 0xF]),
        // The unallocated memory hints execute as NOP; their operands are a memory hint's.
        Op.Nop when Has(i, Field.Rn) => A32MediaOperandExtractors.MemoryHint(i),
        _ when Has(i, Field.Imm) => Make(i, [], [i.Imm]),
        _ => Make(i, []),
    };

    private static A32Operands StatusRegisters(Instruction i) => i.Op switch
    {
        Op.Mrs or Op.MrsBanked => Make(i, [i.Rd]),
        Op.Msr when Has(i, Field.Rotate) => Make(i, [], ModifiedImmediate(i)),
        _ => Make(i, [i.Rn]),
    };

    private static A32Operands Coprocessor(Instruction i)
    {
        switch (i.Op)
        {
            case Op.Mcr or Op.Mrc or Op.Mcr2 or Op.Mrc2:
                return Make(i, [i.Rt], [i.Coproc, i.Opc1, i.Rn, i.Rm, i.Opc2]);
            case Op.Mcrr or Op.Mrrc or Op.Mcrr2 or Op.Mrrc2:
                return Make(i, [i.Rt, i.Rt2], [i.Coproc, i.Opc1, i.Rm]);
            case Op.Cdp or Op.Cdp2:
                return Make(i, [], [i.Coproc, i.Opc1, i.Rd, i.Rn, i.Rm, i.Opc2]);
            default:
            {
                // LDC/STC: offset = imm8 * 4 (pre- or post-indexed), or the unindexed option {imm8}.
                bool pre = i.Flag('P'), up = i.Flag('U'), w = i.Flag('W');
                long offset = up ? i.Imm * 4L : -(i.Imm * 4L);
                long[] imms = pre ? (offset == 0 ? [i.Coproc, i.Rd] : [i.Coproc, i.Rd, offset])
                    : w ? [i.Coproc, i.Rd, offset] : [i.Coproc, i.Rd, i.Imm];
                return Make(i, [i.Rn], imms, writeback: !pre && w || pre && w);
            }
        }
    }
}
