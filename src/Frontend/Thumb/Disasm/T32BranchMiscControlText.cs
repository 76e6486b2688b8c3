using System.Globalization;
using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>
/// GNU-syntax text of the T32 status-register accesses, hints, CPS, barriers and exception
/// instructions. GNU matches most of these only with their should-be bits as the ARM ARM gives
/// them; any other word of the space whose condition field would be 1110 or 1111 it shows as
/// "undefined (bcc, cond=0xE)" or "... 0xF)", text rather than its UNDEFINED comment.
/// </summary>
internal static class T32BranchMiscControlText
{
    private static bool ShouldBeBitsDiffer(in Instruction i) =>
        (i.Word & i.Encoding!.Pattern.ShouldBeMask) != i.Encoding.Pattern.ShouldBeValue;

    /// <summary>GNU's text for the words of the conditional-branch encoding whose condition is 1110 or 1111.</summary>
    public static void ReservedCondition(in Instruction i, AsmWriter w) =>
        w.Text("undefined (bcc, cond=0x").Char((i.Word & 1u << 22) != 0 ? 'F' : 'E').Char(')');

    private static void ValueComment(uint value, AsmWriter w)
    {
        if (value > 32) w.Text("\t@ 0x").Text(value.ToString("x", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A word GNU prints as a fixed name: the IT condition where GNU shows one, a width suffix, and
    /// fixed operands; with other should-be bits, GNU's reserved-condition text.
    /// </summary>
    public static TextForm Fixed(string name, bool conditional = true, string suffix = "", string operands = "") =>
        (in Instruction i, AsmWriter w) =>
        {
            if (ShouldBeBitsDiffer(i)) { ReservedCondition(i, w); return; }
            w.Text(name);
            if (conditional) w.Cond(i);
            w.Text(suffix);
            if (operands.Length > 0) w.Tab().Text(operands);
        };

    public static void ReservedHint(in Instruction i, AsmWriter w)
    {
        if (ShouldBeBitsDiffer(i)) { ReservedCondition(i, w); return; }
        w.Mnemonic("nop", i).Text(".w").Tab().Char('{').Decimal(i.Imm).Char('}');
        ValueComment(i.Imm, w);
    }

    public static void Debug(in Instruction i, AsmWriter w)
    {
        if (ShouldBeBitsDiffer(i)) { ReservedCondition(i, w); return; }
        w.Mnemonic("dbg", i).Tab().Imm(i.Imm);
    }

    public static void Barrier(in Instruction i, AsmWriter w)
    {
        if (ShouldBeBitsDiffer(i)) { ReservedCondition(i, w); return; }
        w.Mnemonic(i.Op.ToString().ToLowerInvariant(), i).Tab();
        if (i.Op == Op.Isb) { if (i.Imm == 15) w.Text("sy"); else w.Imm(i.Imm); }
        else if (SystemInstructionsText.BarrierOptionName(i.Imm) is { } name) w.Text(name);
        else w.Imm(i.Imm);
    }

    /// <summary>
    /// CPS: GNU names the forms that change the masks, the mode, or both, and only with the fields
    /// the ARM ARM allows (except that it accepts an empty mask list).
    /// </summary>
    public static void ChangeState(in Instruction i, AsmWriter w)
    {
        uint imod = i.Imm2, aif = (i.Word >> 5) & 7, mode = i.Imm;
        bool changeMode = i.Flag('M');
        bool named = imod >= 0b10 ? changeMode || mode == 0 : imod == 0b00 && changeMode && aif == 0;
        if (ShouldBeBitsDiffer(i) || !named) { ReservedCondition(i, w); return; }
        if (imod == 0b00) w.Text("cps\t").Imm(mode);
        else
        {
            w.Text(imod == 0b10 ? "cpsie" : "cpsid").Text(changeMode ? "\t" : ".w\t");
            if (i.Flag('A')) w.Char('a');
            if (i.Flag('I')) w.Char('i');
            if (i.Flag('F')) w.Char('f');
            if (changeMode) w.Text(", ").Imm(mode);
        }
        T32BranchText.NotAllowedInItBlock(i, w);
    }

    /// <summary>MSR: CPSR_/SPSR_ with the field letters, a banked register, or (low byte set) an M-profile register name.</summary>
    public static void Msr(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        if ((word & 0x2000) != 0) { ReservedCondition(i, w); return; }
        w.Mnemonic("msr", i).Tab();
        if ((word & 0xFF) == 0)
        {
            w.Text(i.Flag('R') ? "SPSR_" : "CPSR_");
            if ((word & 0x800) != 0) w.Char('f');
            if ((word & 0x400) != 0) w.Char('s');
            if ((word & 0x200) != 0) w.Char('x');
            if ((word & 0x100) != 0) w.Char('c');
        }
        else if ((word & 0x20) != 0) w.Text(StatusRegistersText.BankedRegisterName(((word >> 8) & 0xF) | (word & 0x30) | (i.Flag('R') ? 0x40u : 0)));
        else w.Text(MProfileRegisterName(word & 0xFF));
        w.Comma().Reg(i.Rn);
    }

    /// <summary>MRS: a banked register (CPSR and SPSR among them) by hw1's bits 3:0, or with the low byte set an M-profile name.</summary>
    public static void Mrs(in Instruction i, AsmWriter w)
    {
        uint word = i.Word;
        if ((word & 0x2000) != 0) { ReservedCondition(i, w); return; }
        w.Mnemonic("mrs", i).Tab().Reg(i.Rd).Comma();
        if ((word & 0xFF) == 0 || (word & 0x20) != 0)
            w.Text(StatusRegistersText.BankedRegisterName(((word >> 16) & 0xF) | (word & 0x30) | (i.Flag('R') ? 0x40u : 0)));
        else w.Text(MProfileRegisterName(word & 0xFF));
    }

    private static string MProfileRegisterName(uint sysm) => sysm switch
    {
        0x0 => "APSR", 0x1 => "IAPSR", 0x2 => "EAPSR", 0x3 => "PSR", 0x5 => "IPSR", 0x6 => "EPSR", 0x7 => "IEPSR",
        0x8 => "MSP", 0x9 => "PSP", 0xa => "MSPLIM", 0xb => "PSPLIM", 0x10 => "PRIMASK", 0x11 => "BASEPRI",
        0x12 => "BASEPRI_MAX", 0x13 => "FAULTMASK", 0x14 => "CONTROL", 0x88 => "MSP_NS", 0x89 => "PSP_NS",
        0x8a => "MSPLIM_NS", 0x8b => "PSPLIM_NS", 0x90 => "PRIMASK_NS", 0x91 => "BASEPRI_NS", 0x93 => "FAULTMASK_NS",
        0x94 => "CONTROL_NS", 0x98 => "SP_NS",
        _ => "<unknown>",
    };

    public static void BranchExchangeJazelle(in Instruction i, AsmWriter w)
    {
        if (ShouldBeBitsDiffer(i)) { ReservedCondition(i, w); return; }
        w.Mnemonic("bxj", i).Tab().Reg(i.Rm);
        T32BranchText.BranchInItBlock(i, w);
    }

    /// <summary>SUBS PC, LR, #imm8, ERET among them (GNU has no name for ERET in Thumb).</summary>
    public static void ExceptionReturn(in Instruction i, AsmWriter w)
    {
        if (ShouldBeBitsDiffer(i)) { ReservedCondition(i, w); return; }
        w.Mnemonic("subs", i).Tab().Text("pc, lr, ").Imm(i.Imm);
        ValueComment(i.Imm, w);
    }

    /// <summary>HVC and UDF.W: a 16-bit immediate, imm4:imm12.</summary>
    public static void Call(in Instruction i, AsmWriter w)
    {
        w.Mnemonic(i.Op == Op.Hvc ? "hvc" : "udf", i);
        if (i.Op == Op.Udf) w.Text(".w");
        w.Tab().Imm(i.Imm);
        ValueComment(i.Imm, w);
    }

    public static void DebugStateChange(in Instruction i, AsmWriter w) => w.Text("dcps").Decimal(i.Imm);

    /// <summary>SMC: GNU assembles its immediate from imm4 and hw2's should-be-zero bits.</summary>
    public static void SecureMonitorCall(in Instruction i, AsmWriter w)
    {
        uint word = i.Word, value = ((word >> 16) & 0xF) | (word & 0xFF0) | (word & 0xF) << 12;
        w.Mnemonic("smc", i).Tab().Imm(value);
        ValueComment(value, w);
    }
}
