using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text forms of the T16DataProcessing family.</summary>
internal static class T16DataProcessingText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    /// <summary>LSL/LSR/ASR (immediate): <c>lsls r0, r1, #3</c>; a right shift by 0 is by 32.</summary>
    public static void ShiftImmediate(in Instruction i, AsmWriter w)
    {
        int amount = i.Op != Op.Lsl && i.ShiftImm == 0 ? 32 : i.ShiftImm;
        w.FlagsOrCondition(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Reg(i.Rm).Comma().Imm(amount);
    }

    /// <summary>MOV (register) with low registers, the LSL #0 encoding: <c>movs r0, r1</c>.</summary>
    public static void MoveLow(in Instruction i, AsmWriter w) =>
        w.FlagsOrCondition("mov", i).Tab().Reg(i.Rd).Comma().Reg(i.Rm);

    /// <summary>ADD/SUB (register) T1: <c>adds r0, r1, r2</c>.</summary>
    public static void ThreeRegisters(in Instruction i, AsmWriter w) =>
        w.FlagsOrCondition(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Reg(i.Rm);

    /// <summary>ADD/SUB (immediate) T1: <c>adds r0, r1, #7</c>.</summary>
    public static void TwoRegistersImmediate(in Instruction i, AsmWriter w) =>
        w.FlagsOrCondition(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma().Imm(i.Imm);

    /// <summary>MOV, ADD and SUB (immediate) with an 8-bit immediate: <c>movs r0, #200 @ 0xc8</c>.</summary>
    public static void RegisterImmediate(in Instruction i, AsmWriter w) =>
        w.FlagsOrCondition(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Imm(i.Imm).ValueComment(i.Imm);

    /// <summary>CMP (immediate), which always sets the flags: <c>cmp r0, #200 @ 0xc8</c>.</summary>
    public static void CompareImmediate(in Instruction i, AsmWriter w) =>
        w.Mnemonic("cmp", i).Tab().Reg(i.Rn).Comma().Imm(i.Imm).ValueComment(i.Imm);

    /// <summary>
    /// The data-processing (register) group, two low registers named by <paramref name="first"/>
    /// (bits 2:0) and <paramref name="second"/> (bits 5:3); the compares and tests never take "s".
    /// RSB #0 is shown as NEG.
    /// </summary>
    public static TextForm Pair(char first, char second) => (in Instruction i, AsmWriter w) =>
    {
        string name = i.Op == Op.Rsb ? "neg" : Name(i.Op);
        (i.Op is Op.Tst or Op.Cmp or Op.Cmn ? w.Mnemonic(name, i) : w.FlagsOrCondition(name, i)).Tab();
        w.Reg(Register(i, first)).Comma().Reg(Register(i, second));
    };

    private static int Register(in Instruction i, char letter) => letter switch
    {
        'd' => i.Rd, 'n' => i.Rn, 'm' => i.Rm, 's' => i.Rs,
        _ => throw new ArgumentException($"no register letter '{letter}'"),
    };

    /// <summary>
    /// ADD, CMP and MOV with high registers: GNU shows the register of bits 7 and 2:0 and the register
    /// of bits 6:3, whatever the encoding makes of them (ADD SP, Rm names SP first, ADD Rdm, SP, Rdm
    /// names SP second). MOV r8, r8 is GNU's Thumb NOP.
    /// </summary>
    public static void HighRegisters(in Instruction i, AsmWriter w)
    {
        int first = (int)((i.Word >> 4 & 8) | (i.Word & 7)), second = (int)(i.Word >> 3 & 0xF);
        if (i.Op == Op.Mov && first == 8 && second == 8)
        {
            w.Mnemonic("nop", i).Text("\t\t\t@ (mov r8, r8)");
            return;
        }
        w.Mnemonic(Name(i.Op), i).Tab().Reg(first).Comma().Reg(second);
    }
}
