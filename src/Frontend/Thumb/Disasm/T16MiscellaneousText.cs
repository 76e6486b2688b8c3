using System.Globalization;
using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text forms of the T16Miscellaneous family.</summary>
internal static class T16MiscellaneousText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    /// <summary>ADR, which GNU shows as its ADD form with the target in a comment: <c>add r0, pc, #8 @ (adr r0, 0x10)</c>.</summary>
    public static void Adr(in Instruction i, AsmWriter w)
    {
        uint offset = i.Imm;
        w.Mnemonic("add", i).Tab().Reg(i.Rd).Text(", pc, #").Decimal(offset)
            .Text("\t@ (adr ").Reg(i.Rd).Comma().Target((w.Pc & ~3u) + offset).Char(')');
    }

    /// <summary>ADD Rd, SP, #imm (T1) and ADD/SUB SP, SP, #imm (T2, shown with SP once).</summary>
    public static void StackPointerImmediate(in Instruction i, AsmWriter w)
    {
        long offset = i.Imm;
        w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rd).Comma();
        if (i.Rd != 13) w.Text("sp, ");
        w.Imm(offset).ValueComment(offset);
    }

    /// <summary>SXTH, SXTB, UXTH, UXTB, REV, REV16, REVSH: <c>rev r0, r1</c>.</summary>
    public static void TwoRegisters(in Instruction i, AsmWriter w) => w.Mnemonic(Name(i.Op), i).Tab().Reg(i.Rd).Comma().Reg(i.Rm);

    public static void SetEndianness(in Instruction i, AsmWriter w)
    {
        ProcessorStateText.SetEndianness(i, w);
        w.NotAllowedInItBlock(i);
    }

    /// <summary>CPSIE/CPSID with the A, I and F flags (none is UNPREDICTABLE, and shows as none).</summary>
    public static void ChangeState(in Instruction i, AsmWriter w)
    {
        ProcessorStateText.ChangeState(i, w);
        w.NotAllowedInItBlock(i);
    }

    /// <summary>BKPT: unconditional even in an IT block, the immediate as four hex digits.</summary>
    public static void Breakpoint(in Instruction i, AsmWriter w) => SystemInstructionsText.Breakpoint(i, w);

    /// <summary>HLT (ARMv8): its 6-bit immediate as four hex digits.</summary>
    public static void Halt(in Instruction i, AsmWriter w) => SystemInstructionsText.Halt(i, w);

    /// <summary>
    /// IT: one 't' or 'e' per further instruction (whether its condition's low bit is firstcond's)
    /// and the first condition, AL and 0b1111 spelt out as in a block.
    /// </summary>
    public static void IfThen(in Instruction i, AsmWriter w)
    {
        uint firstCond = i.Imm, mask = i.Imm2;
        w.Text("it");
        for (uint m = mask; (m & 7) != 0; m = m << 1 & 0xF)
            w.Char((m >> 3 & 1) == (firstCond & 1) ? 't' : 'e');
        w.Tab().Text(((Condition)firstCond).ItBlockSuffix()).NotAllowedInItBlock(i);
    }

    public static void Hint(in Instruction i, AsmWriter w) => w.Mnemonic(Name(i.Op), i);

    /// <summary>The hint numbers without a name execute as NOP: <c>nop {6}</c>.</summary>
    public static void ReservedHint(in Instruction i, AsmWriter w) =>
        w.Mnemonic("nop", i).Tab().Char('{').Text(i.Imm.ToString(CultureInfo.InvariantCulture)).Char('}');
}
