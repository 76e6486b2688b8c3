using Translator.Frontend.Decoding;
using static Translator.Frontend.Thumb.Disasm.T16LoadStoreText;

namespace Translator.Frontend.Thumb.Decode;

/// <summary>
/// 16-bit loads and stores: LDR (literal), single loads and stores with a register or an immediate
/// offset (SP-relative too), LDMIA/STMIA, PUSH and POP. Every form is pre-indexed without
/// writeback (STMIA always writes back, LDMIA unless it loads the base, PUSH and POP always). The
/// immediate is the encoding's imm5 or imm8 in units of the access size, read as bytes. The implied base
/// (PC, SP) and the implied LR of PUSH and PC of POP are given with the fields.
/// </summary>
public static class T16LoadStore
{
    private static readonly Rule EmptyList = Rules.If(Reason.RegisterList, WordTest.Field('l', 0));

    /// <summary>STMIA stores the written-back base: UNPREDICTABLE unless it is the lowest register stored.</summary>
    private static readonly Rule StoredBase = (in Instruction i) =>
        (i.RegList & (1 << i.Rn)) != 0 && (i.RegList & ((1 << i.Rn) - 1)) != 0 ? Reason.WritebackBase : Reason.None;

    public static readonly Encoding[] Lines =
    [
        new Encoding("LDR (literal) T1", Op.Ldr, "01001tttiiiiiiii", Literal).WithField('n', 15).ImmediateInUnitsOf(4),

        new("STR (register) T1", Op.Str, "0101000mmmnnnttt", RegisterOffset),
        new("STRH (register) T1", Op.Strh, "0101001mmmnnnttt", RegisterOffset),
        new("STRB (register) T1", Op.Strb, "0101010mmmnnnttt", RegisterOffset),
        new("LDRSB (register) T1", Op.Ldrsb, "0101011mmmnnnttt", RegisterOffset),
        new("LDR (register) T1", Op.Ldr, "0101100mmmnnnttt", RegisterOffset),
        new("LDRH (register) T1", Op.Ldrh, "0101101mmmnnnttt", RegisterOffset),
        new("LDRB (register) T1", Op.Ldrb, "0101110mmmnnnttt", RegisterOffset),
        new("LDRSH (register) T1", Op.Ldrsh, "0101111mmmnnnttt", RegisterOffset),

        new Encoding("STR (immediate) T1", Op.Str, "01100iiiiinnnttt", ImmediateOffset).ImmediateInUnitsOf(4),
        new Encoding("LDR (immediate) T1", Op.Ldr, "01101iiiiinnnttt", ImmediateOffset).ImmediateInUnitsOf(4),
        new("STRB (immediate) T1", Op.Strb, "01110iiiiinnnttt", ImmediateOffset),
        new("LDRB (immediate) T1", Op.Ldrb, "01111iiiiinnnttt", ImmediateOffset),
        new Encoding("STRH (immediate) T1", Op.Strh, "10000iiiiinnnttt", ImmediateOffset).ImmediateInUnitsOf(2),
        new Encoding("LDRH (immediate) T1", Op.Ldrh, "10001iiiiinnnttt", ImmediateOffset).ImmediateInUnitsOf(2),
        new Encoding("STR (immediate) T2", Op.Str, "10010tttiiiiiiii", ImmediateOffset).WithField('n', 13).ImmediateInUnitsOf(4),
        new Encoding("LDR (immediate) T2", Op.Ldr, "10011tttiiiiiiii", ImmediateOffset).WithField('n', 13).ImmediateInUnitsOf(4),

        new("STM (STMIA) T1", Op.Stm, "11000nnnllllllll", Multiple, Feature.Base, EmptyList, StoredBase),
        new("LDM (LDMIA) T1", Op.Ldm, "11001nnnllllllll", Multiple, Feature.Base, EmptyList),

        new Encoding("PUSH T1", Op.Push, "10110100llllllll", PushPop, Feature.Base, EmptyList).WithField('n', 13),
        new Encoding("PUSH T1 (with LR)", Op.Push, "10110101llllllll", PushPop).WithField('n', 13).WithList(1 << 14),
        new Encoding("POP T1", Op.Pop, "10111100llllllll", PushPop, Feature.Base, EmptyList).WithField('n', 13),
        // Loading PC is a branch: in an IT block only as its last instruction.
        new Encoding("POP T1 (with PC)", Op.Pop, "10111101llllllll", PushPop, Feature.Base, ItBlockRules.LastIfInside).WithField('n', 13).WithList(1 << 15),
    ];
}
