using Translator.Frontend.Decoding;

namespace Translator.Frontend.Thumb.Disasm;

/// <summary>GNU-syntax text forms of the T16Branch family.</summary>
internal static class T16BranchText
{
    /// <summary>B&lt;c&gt;: <c>beq.n 0x10</c>, named by its own condition field even inside an IT block.</summary>
    public static void Conditional(in Instruction i, AsmWriter w) =>
        w.Text("b").Text(ItBlockText.OwnCondition(i).Suffix()).Text(".n").Tab()
            .Target(ThumbImmediates.BranchTarget(i, w.Address)).NotAllowedInItBlock(i);

    /// <summary>B: <c>b.n 0x10</c>, or <c>bne.n</c> as the last instruction of an IT block.</summary>
    public static void Unconditional(in Instruction i, AsmWriter w) =>
        w.Mnemonic("b", i).Text(".n").Tab().Target(ThumbImmediates.BranchTarget(i, w.Address)).BranchNotLastInItBlock(i);

    /// <summary>CBZ/CBNZ: <c>cbz r0, 0x40</c>.</summary>
    public static void CompareAndBranch(in Instruction i, AsmWriter w) =>
        w.Text(i.Op == Op.Cbz ? "cbz" : "cbnz").Tab().Reg(i.Rn).Comma()
            .Target(ThumbImmediates.BranchTarget(i, w.Address)).NotAllowedInItBlock(i);

    /// <summary>BX and BLX (register): <c>bx lr</c>.</summary>
    public static void Exchange(in Instruction i, AsmWriter w) =>
        w.Mnemonic(i.Op == Op.Bx ? "bx" : "blx", i).Tab().Reg(i.Rm).BranchNotLastInItBlock(i);

    /// <summary>The ARMv8-M BXNS and BLXNS, which GNU tools decode in every profile.</summary>
    public static TextForm NonSecure(string name) => (in Instruction i, AsmWriter w) => w.Text(name).Tab().Reg(i.Rm);

    /// <summary>SVC: <c>svc 5</c>, the immediate in decimal.</summary>
    public static void Svc(in Instruction i, AsmWriter w) => w.Mnemonic("svc", i).Tab().Decimal(i.Imm).ValueComment(i.Imm);

    /// <summary>UDF: <c>udf #5</c>.</summary>
    public static void PermanentlyUndefined(in Instruction i, AsmWriter w) => w.Mnemonic("udf", i).Tab().Imm(i.Imm).ValueComment(i.Imm);
}
