using Translator.Frontend.A32.Disasm;
using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>
/// GNU-syntax text of the T32 ALU operations, shared by the modified-immediate and shifted-register
/// families: the operand is A32's operand 2 (which prints a T32 record's ThumbExpandImm constant).
/// GNU adds ".w" after the condition to the operations that also have a 16-bit encoding (AND, BIC,
/// ORR, EOR, ADD, ADC, SBC, SUB, TST, CMN, CMP, MOV, MVN) and not to ORN, RSB and TEQ, and marks no
/// register of these forms UNPREDICTABLE.
/// </summary>
internal static class T32DataProcessingText
{
    private static string Name(Op op) => op.ToString().ToLowerInvariant();

    private static string Qualifier(Op op) => op is Op.Orn or Op.Rsb or Op.Teq ? "" : ".w";

    /// <summary>Rd, Rn and the operand: "ands.w r0, r1, #255".</summary>
    public static void Binary(in Instruction i, AsmWriter w)
    {
        long comment = 0;
        w.Text(Name(i.Op)).Text(i.Flag('S') ? "s" : "").Cond(i).Text(Qualifier(i.Op)).Tab().Reg(i.Rd).Comma().Reg(i.Rn).Comma();
        DataProcessingText.Operand2(i, w, ref comment);
        DataProcessingText.End(comment, unpredictable: false, w);
    }

    /// <summary>TST, TEQ, CMP and CMN: Rn and the operand.</summary>
    public static void Compare(in Instruction i, AsmWriter w)
    {
        long comment = 0;
        w.Mnemonic(Name(i.Op), i).Text(Qualifier(i.Op)).Tab().Reg(i.Rn).Comma();
        DataProcessingText.Operand2(i, w, ref comment);
        DataProcessingText.End(comment, unpredictable: false, w);
    }

    /// <summary>MOV and MVN, and the shift aliases of MOV, which GNU shows as a MOV of a shifted register.</summary>
    public static void Move(in Instruction i, AsmWriter w)
    {
        long comment = 0;
        string name = i.Op == Op.Mvn ? "mvn" : "mov";
        w.Text(name).Text(i.Flag('S') ? "s" : "").Cond(i).Text(".w").Tab().Reg(i.Rd).Comma();
        if (i.Encoding!.Pattern.Has(Field.Rm)) w.ShiftedReg(i.Rm, ShiftOf(i), i.ShiftImm);
        else DataProcessingText.Operand2(i, w, ref comment);
        DataProcessingText.End(comment, unpredictable: false, w);
    }

    /// <summary>The shift of a MOV alias: fixed by the operation (RRX is ROR by 0), or the type field of MOV and MVN.</summary>
    private static ShiftType ShiftOf(in Instruction i) => i.Op switch
    {
        Op.Lsl => ShiftType.Lsl,
        Op.Lsr => ShiftType.Lsr,
        Op.Asr => ShiftType.Asr,
        Op.Ror or Op.Rrx => ShiftType.Ror,
        _ => i.ShiftType,
    };
}
