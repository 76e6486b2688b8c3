using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text of the T32 shifted-register forms that are not ALU operations (those share <see cref="T32DataProcessingText"/>).</summary>
internal static class T32DataProcessingShiftedRegisterText
{
    /// <summary>PKHBT shows its left shift only when it is not zero, PKHTB its arithmetic shift always (0 meaning 32); no register is marked.</summary>
    public static void Pack(in Instruction i, AsmWriter w) =>
        w.Mnemonic(i.Op == Op.Pkhtb ? "pkhtb" : "pkhbt", i).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma()
            .ShiftedReg(i.Rm, i.Op == Op.Pkhtb ? ShiftType.Asr : ShiftType.Lsl, i.ShiftImm);
}
