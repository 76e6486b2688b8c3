using System.Globalization;
using System.Text;

namespace Translator.Frontend.Decoding;

/// <summary>
/// Builds one instruction's text in GNU objdump's syntax. Knows the instruction's address (for
/// PC-relative targets) and the PC offset of its instruction set state (8 for ARM, 4 for Thumb).
/// </summary>
public sealed class AsmWriter
{
    private static readonly string[] RegNames =
        ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "sl", "fp", "ip", "sp", "lr", "pc"];
    private static readonly string[] ShiftNames = ["lsl", "lsr", "asr", "ror"];

    private readonly StringBuilder _sb = new(64);

    public uint Address { get; private set; }
    public uint PcOffset { get; private set; }
    /// <summary>The value a read of PC gives: the address plus 8 (ARM) or 4 (Thumb).</summary>
    public uint Pc => Address + PcOffset;

    /// <summary>
    /// How a code address is printed: null gives objdump's form for raw binaries (<c>0x1c</c>);
    /// a listing with symbols supplies its own (<c>8010 &lt;main+0x10&gt;</c>).
    /// </summary>
    public Func<uint, string>? AddressText { get; set; }

    /// <summary>
    /// Thumb: the condition of the IT block the instruction is in, which GNU names in its warnings
    /// even for a branch that has a condition of its own.
    /// </summary>
    public Condition ItCondition { get; set; }

    public void Reset(uint address, uint pcOffset)
    {
        _sb.Clear();
        Address = address;
        PcOffset = pcOffset;
    }

    public override string ToString() => _sb.ToString();

    public static string RegName(int r) => RegNames[r & 15];
    public static string ShiftName(ShiftType t) => ShiftNames[(int)t];

    public AsmWriter Text(string s) { _sb.Append(s); return this; }
    public AsmWriter Char(char c) { _sb.Append(c); return this; }
    public AsmWriter Tab() { _sb.Append('\t'); return this; }
    public AsmWriter Comma() { _sb.Append(", "); return this; }

    /// <summary>Mnemonic followed by the condition suffix (see <see cref="Cond"/>).</summary>
    public AsmWriter Mnemonic(string name, in Instruction insn) => Text(name).Cond(insn);

    /// <summary>The condition suffix: nothing for AL and unconditional, except inside a Thumb IT block, where GNU prints every condition.</summary>
    public AsmWriter Cond(in Instruction insn) { _sb.Append(insn.InItBlock ? insn.Cond.ItBlockSuffix() : insn.Cond.Suffix()); return this; }

    public AsmWriter Reg(int r) { _sb.Append(RegNames[r & 15]); return this; }

    /// <summary>An immediate in decimal: <c>#-4</c>.</summary>
    public AsmWriter Imm(long value) { _sb.Append('#').Append(value.ToString(CultureInfo.InvariantCulture)); return this; }

    /// <summary>An immediate in hex: <c>#0x1f</c>.</summary>
    public AsmWriter ImmHex(uint value) { _sb.Append("#0x").Append(value.ToString("x", CultureInfo.InvariantCulture)); return this; }

    public AsmWriter Decimal(long value) { _sb.Append(value.ToString(CultureInfo.InvariantCulture)); return this; }
    public AsmWriter Hex(uint value) { _sb.Append("0x").Append(value.ToString("x", CultureInfo.InvariantCulture)); return this; }

    /// <summary>An absolute target address as objdump prints it for branches: <c>0x1c</c>.</summary>
    public AsmWriter Target(uint address) => AddressText is { } f ? Text(f(address)) : Hex(address);

    /// <summary>A trailing comment: <c>\t@ text</c>.</summary>
    public AsmWriter Comment(string text) { _sb.Append("\t@ ").Append(text); return this; }

    /// <summary>A trailing comment holding an address: <c>\t@ 0x4000003d</c>.</summary>
    public AsmWriter CommentAddress(uint address) { _sb.Append("\t@ "); return Target(address); }

    public AsmWriter Unpredictable() { _sb.Append("\t@ <UNPREDICTABLE>"); return this; }

    /// <summary>A register list: <c>{r0, r4, lr}</c>.</summary>
    public AsmWriter RegList(ushort list)
    {
        _sb.Append('{');
        bool first = true;
        for (int r = 0; r < 16; r++)
        {
            if ((list & (1 << r)) == 0) continue;
            if (!first) _sb.Append(", ");
            _sb.Append(RegNames[r]);
            first = false;
        }
        _sb.Append('}');
        return this;
    }

    /// <summary>An immediate-shifted register operand: <c>r1</c>, <c>r1, lsl #2</c>, <c>r1, lsr #32</c>, <c>r1, rrx</c>.</summary>
    public AsmWriter ShiftedReg(int rm, ShiftType type, int amount)
    {
        Reg(rm);
        if (type == ShiftType.Lsl && amount == 0) return this;
        if (type == ShiftType.Ror && amount == 0) { _sb.Append(", rrx"); return this; }
        if (amount == 0) amount = 32;
        _sb.Append(", ").Append(ShiftNames[(int)type]).Append(" #").Append(amount);
        return this;
    }

    /// <summary>A register-shifted register operand: <c>r1, lsl r2</c>.</summary>
    public AsmWriter RegShiftedReg(int rm, ShiftType type, int rs)
    {
        Reg(rm);
        _sb.Append(", ").Append(ShiftNames[(int)type]).Append(' ').Append(RegNames[rs & 15]);
        return this;
    }

    /// <summary>A Thumb instruction no encoding matches: its halfword (4 digits) or hw1:hw2 (8 digits), after two tabs as objdump prints it.</summary>
    public AsmWriter UndefinedThumb(in Instruction insn)
    {
        _sb.Append("\t\t@ <UNDEFINED> instruction: 0x").Append(insn.Word.ToString(insn.Size == 2 ? "x4" : "x8", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>The text objdump prints for a word no encoding matches.</summary>
    public AsmWriter UndefinedWord(uint word)
    {
        _sb.Append("\t@ <UNDEFINED> instruction: 0x").Append(word.ToString("x8", CultureInfo.InvariantCulture));
        return this;
    }
}
