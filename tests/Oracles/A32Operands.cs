using Translator.Frontend.Decoding;

namespace Translator.Oracles;

/// <summary>
/// Decoded operands in a form both sides can be reduced to: the condition (0 EQ … 14 AL), the
/// registers in operand order (memory base and index, register lists and shift registers included;
/// numbered R0-R15 0-15, then <see cref="S"/>, <see cref="D"/>, <see cref="Q"/> and the floating-point
/// system registers <see cref="FpSystem"/>), the immediates in operand order (coprocessor numbers and
/// coprocessor registers, scalar lanes, CPS's effect and flags, SETEND's E included, as 32-bit values:
/// a negative offset is its two's complement; a floating-point constant as the bits of its single-precision value, which holds every VFP constant exactly),
/// the shift, the subtraction of a register offset, writeback, and whether flags are set. A null
/// component is one that side does not say.
/// </summary>
public sealed record A32Operands(int Cond, IReadOnlyList<int> Registers, IReadOnlyList<long>? Immediates, string Shift,
    bool Subtracted, bool Writeback, bool? SetsFlags)
{
    public static int S(int n) => 32 + n;
    public static int D(int n) => 64 + n;
    public static int Q(int n) => 96 + n;
    /// <summary>A floating-point system register by the number VMRS and VMSR give it (FPSCR 1, FPEXC 8, ...).</summary>
    public static int FpSystem(int n) => 128 + n;

    private static string RegisterName(int r) => r switch
    {
        < 32 => $"r{r}",
        < 64 => $"s{r - 32}",
        < 96 => $"d{r - 64}",
        < 128 => $"q{r - 96}",
        _ => $"fpsys{r - 128}",
    };

    /// <summary>The first component on which two operand sets differ, or null when they agree.</summary>
    public string? FirstDifference(A32Operands theirs)
    {
        if (Cond != theirs.Cond) return "condition";
        if (!Registers.SequenceEqual(theirs.Registers)) return "registers";
        if (Immediates is not null && theirs.Immediates is not null && !Immediates.SequenceEqual(theirs.Immediates)) return "immediates";
        if (Shift != theirs.Shift) return "shift";
        if (Subtracted != theirs.Subtracted) return "subtraction";
        if (Writeback != theirs.Writeback) return "writeback";
        if (SetsFlags is { } s && theirs.SetsFlags is { } t && s != t) return "flags";
        return null;
    }

    public override string ToString() =>
        $"cond {Cond} regs [{string.Join(",", Registers.Select(RegisterName))}] imms [{(Immediates is null ? "?" : string.Join(",", Immediates.Select(v => $"{v:x}")))}]" +
        $"{(Shift.Length > 0 ? " shift " + Shift : "")}{(Subtracted ? " minus" : "")}{(Writeback ? " wb" : "")}{(SetsFlags == true ? " S" : "")}";

    /// <summary>Capstone's detail reduced to this form (registers other than R0-R15, such as APSR, are left out).</summary>
    public static A32Operands FromCapstone(CapstoneInstruction c)
    {
        var regs = new List<int>();
        var imms = new List<long>();
        string shift = "";
        bool minus = false;
        foreach (var op in c.Details)
        {
            switch (op.Type)
            {
                case CapstoneOperandType.Reg:
                    // APSR_nzcv is how MRC spells Rt = 15.
                    if (op.Reg == Capstone.RegApsrNzcv) regs.Add(15);
                    else if (Capstone.AnyRegister(op.Reg) is var r and >= 0) regs.Add(r);
                    minus |= op.Subtracted;
                    if (op.VectorIndex >= 0) imms.Add(op.VectorIndex);
                    break;
                case CapstoneOperandType.Fp:
                    imms.Add(BitConverter.SingleToUInt32Bits((float)op.Fp));
                    break;
                case CapstoneOperandType.SetEnd:
                    imms.Add(op.Imm == 1 ? 1 : 0);
                    break;
                case CapstoneOperandType.Imm:
                    imms.Add(op.Subtracted ? (uint)-op.Imm : (uint)op.Imm);
                    break;
                case CapstoneOperandType.PImm or CapstoneOperandType.CImm:
                    imms.Add((uint)op.Imm);
                    break;
                case CapstoneOperandType.Mem:
                    regs.Add(Capstone.GeneralRegister(op.MemBase));
                    if (op.MemIndex != 0)
                    {
                        regs.Add(Capstone.GeneralRegister(op.MemIndex));
                        minus |= op.Subtracted || op.MemScale == -1;
                    }
                    if (op.MemDisp != 0) imms.Add((uint)op.MemDisp);
                    break;
            }
            if (op.ShiftType != CapstoneShift.None) shift = ShiftText(op.ShiftType, op.ShiftValue);
        }
        if (c.MemoryBarrier != 0) imms.Add(c.MemoryBarrier - 1);
        // CPS: the effect as the ARM ARM's imod (IE 10, ID 11) and the A, I, F mask, before the mode.
        if (c.CpsMode is 2 or 3) imms.InsertRange(0, [c.CpsMode == 2 ? 0b10 : 0b11, c.CpsFlags == 16 ? 0 : c.CpsFlags]);
        // PUSH and POP are STMDB SP! and LDM SP! (VPUSH and VPOP VSTMDB SP! and VLDM SP!): the base and its writeback are implied.
        string m = c.Mnemonic.StartsWith('v') ? c.Mnemonic[1..] : c.Mnemonic;
        bool stack = m.StartsWith("push", StringComparison.Ordinal) || m.StartsWith("pop", StringComparison.Ordinal);
        if (stack) regs.Insert(0, 13);
        int cond = c.Cc is >= 1 and <= 15 ? c.Cc - 1 : (int)Condition.Always;
        return new A32Operands(cond, regs, imms, shift, minus, c.Writeback || stack, c.UpdateFlags);
    }

    private static string ShiftText(CapstoneShift type, uint value) => type switch
    {
        CapstoneShift.Lsl => $"lsl #{value}",
        CapstoneShift.Lsr => $"lsr #{value}",
        CapstoneShift.Asr => $"asr #{value}",
        CapstoneShift.Ror => $"ror #{value}",
        CapstoneShift.Rrx => "rrx",
        CapstoneShift.LslReg => $"lsl r{Capstone.GeneralRegister((int)value)}",
        CapstoneShift.LsrReg => $"lsr r{Capstone.GeneralRegister((int)value)}",
        CapstoneShift.AsrReg => $"asr r{Capstone.GeneralRegister((int)value)}",
        CapstoneShift.RorReg => $"ror r{Capstone.GeneralRegister((int)value)}",
        _ => "rrx",
    };

    /// <summary>The text of an immediate shift as the ARM ARM's DecodeImmShift reads it ("" for LSL #0).</summary>
    public static string ImmediateShift(ShiftType type, int amount) => (type, amount) switch
    {
        (ShiftType.Lsl, 0) => "",
        (ShiftType.Lsl, _) => $"lsl #{amount}",
        (ShiftType.Lsr, _) => $"lsr #{(amount == 0 ? 32 : amount)}",
        (ShiftType.Asr, _) => $"asr #{(amount == 0 ? 32 : amount)}",
        (ShiftType.Ror, 0) => "rrx",
        _ => $"ror #{amount}",
    };

    public static string RegisterShift(ShiftType type, int rs) => $"{type.ToString().ToLowerInvariant()} r{rs}";
}
