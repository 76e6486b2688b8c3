using System.Globalization;
using System.Text;
using Translator.IR.Semantics;

namespace Translator.IR;

/// <summary>
/// The textual form of IR, read by tests and the profiler:
/// <code>
/// block 0x40100000 a32 if ne else 0x40100008, 2 insns
///   %0 = get_reg r1
///   %1 = add %0, #0x4
///   set_reg r2, %1
///   -> jump a32 0x40100008
/// </code>
/// </summary>
public static class IrPrinter
{
    private static readonly string[] ConditionNames = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"];

    public static string Print(Block block)
    {
        block.Renumber();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"block 0x{block.StartPc:x8} {(block.Thumb ? "t32" : "a32")}");
        if (block.Condition != 14)
            sb.Append(CultureInfo.InvariantCulture, $" if {ConditionNames[block.Condition & 15]} else 0x{block.ConditionFailedTarget:x8}");
        sb.Append(CultureInfo.InvariantCulture, $", {block.GuestInstructions} insns\n");
        foreach (var inst in block.Insts) sb.Append("  ").Append(Print(inst)).Append('\n');
        sb.Append("  -> ").Append(block.Terminal is null ? "(no terminal)" : Print(block.Terminal)).Append('\n');
        return sb.ToString();
    }

    public static string Print(Inst inst)
    {
        var sb = new StringBuilder();
        if (inst.Type != IrType.Void) sb.Append('%').Append(inst.Id).Append(" = ");
        sb.Append(inst.Op.Info().Name);
        var parts = new List<string>();
        string? aux = AuxText(inst);
        if (aux is not null) parts.Add(aux);
        parts.AddRange(inst.Args.Select(Operand));
        if (parts.Count > 0) sb.Append(' ').Append(string.Join(", ", parts));
        return sb.ToString();
    }

    public static string Operand(Value v)
    {
        if (v.Def is { } def) return "%" + def.Id.ToString(CultureInfo.InvariantCulture);
        if (v.IsNone) return "none";
        return v.Type switch
        {
            IrType.I1 => v.Bits != 0 ? "true" : "false",
            IrType.I64 => $"#0x{v.Bits:x}:i64",
            _ => $"#0x{v.Bits:x}",
        };
    }

    private static string? AuxText(Inst inst) => inst.Op switch
    {
        Opcode.GetReg or Opcode.SetReg => RegisterName((int)inst.Aux),
        Opcode.GetFlag or Opcode.SetFlag => ((Flag)inst.Aux).ToString(),
        Opcode.Mark => $"0x{inst.Aux:x8}",
        Opcode.SignedSaturate or Opcode.SignedSaturates or Opcode.UnsignedSaturate or Opcode.UnsignedSaturates => $"{inst.Aux} bits",
        Opcode.Packed or Opcode.PackedGe => ((PackedOp)(inst.Aux & 0xFF)).ToString().ToLowerInvariant() + ((inst.Aux >> 8) != 0 ? $"/{inst.Aux >> 8}" : ""),
        >= Opcode.Load8 and <= Opcode.StoreExclusive64 when inst.Aux != 0 => ((MemoryAccess)inst.Aux).ToString().ToLowerInvariant().Replace(", ", "|", StringComparison.Ordinal),
        Opcode.CallOut or Opcode.Barrier or Opcode.Hint => $"{inst.Aux}",
        _ => null,
    };

    public static string RegisterName(int r) => r switch { 13 => "sp", 14 => "lr", 15 => "pc", _ => "r" + r.ToString(CultureInfo.InvariantCulture) };

    public static string Print(Terminal t) => t switch
    {
        Jump j => $"jump {(j.Thumb ? "t32" : "a32")} 0x{j.Target:x8}{(j.It != 0 ? $" it=0x{j.It:x2}" : "")}",
        JumpIndirect j => $"{(j.Exchange ? "jump_exchange" : "jump_indirect")} {Operand(j.Target)}",
        If i => $"if {Operand(i.Condition)} then {{{Print(i.Then)}}} else {{{Print(i.Else)}}}",
        RaiseException e => $"exception {e.Kind} at 0x{e.Pc:x8} #0x{e.Immediate:x}",
        Trap tr => $"trap {(tr.Thumb ? "t32" : "a32")} 0x{tr.Word:x8} at 0x{tr.Pc:x8}",
        ReturnToDispatcher r => $"dispatch {(r.Thumb ? "t32" : "a32")} 0x{r.NextPc:x8}",
        ContinueAtState => "continue_at_state",
        WaitForInterrupt w => $"wait_for_interrupt then {(w.Thumb ? "t32" : "a32")} 0x{w.NextPc:x8}",
        _ => t.ToString(),
    };
}
