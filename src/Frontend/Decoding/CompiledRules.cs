using System.Reflection;
using System.Reflection.Emit;

namespace Translator.Frontend.Decoding;

/// <summary>The verdict on a word that matched an encoding with rules: its class and reason.</summary>
internal delegate Instruction CompiledRules(uint word, Condition cond, byte info);

/// <summary>
/// Turns an encoding's rules into one method: its UNDEFINED rules, its should-be bits, its PC fields,
/// then its other UNPREDICTABLE rules, in that order. Each rule is called directly rather than
/// through its delegate, so the JIT inlines the small ones; the should-be bits and PC fields are
/// constants in the code. The method is compiled by the JIT the first time a word needs it.
/// </summary>
internal static class RuleCompiler
{
    private static readonly ConstructorInfo InstructionConstructor = typeof(Instruction).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic,
        [typeof(uint), typeof(Encoding), typeof(Condition), typeof(InstrClass), typeof(Reason), typeof(byte)])!;
    private static readonly MethodInfo WithClass = typeof(Instruction).GetMethod(nameof(Instruction.WithClass), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo Invoke = typeof(Rule).GetMethod(nameof(Rule.Invoke))!;
    private static readonly FieldInfo EncodingField = typeof(Closure).GetField(nameof(Closure.Encoding))!;
    private static readonly FieldInfo TargetsField = typeof(Closure).GetField(nameof(Closure.Targets))!;

    /// <summary>What the compiled method reads at run time: the encoding, and the objects its rules are bound to.</summary>
    private sealed class Closure(Encoding encoding, object[] targets)
    {
        public readonly Encoding Encoding = encoding;
        public readonly object[] Targets = targets;
    }

    public static CompiledRules Compile(Encoding encoding)
    {
        var targets = new List<object>();
        var method = new DynamicMethod($"Verdict {encoding.Name}", typeof(Instruction),
            [typeof(Closure), typeof(uint), typeof(Condition), typeof(byte)], typeof(RuleCompiler).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var insn = il.DeclareLocal(typeof(Instruction));
        var reason = il.DeclareLocal(typeof(Reason));

        il.Emit(OpCodes.Ldloca, insn);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, EncodingField);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Ldc_I4, (int)InstrClass.Defined);
        il.Emit(OpCodes.Ldc_I4, (int)Reason.None);
        il.Emit(OpCodes.Ldarg_3);
        il.Emit(OpCodes.Call, InstructionConstructor);

        foreach (var rule in encoding.UndefinedRules) EmitRule(il, rule, targets, insn, reason, InstrClass.Undefined);
        var p = encoding.Pattern;
        if (p.ShouldBeMask != 0)
            EmitBitTest(il, p.ShouldBeMask, p.ShouldBeValue, OpCodes.Beq, insn, Reason.ShouldBeBits);
        foreach (uint mask in encoding.PcMasks)
            EmitBitTest(il, mask, mask, OpCodes.Bne_Un, insn, Reason.PcOperand);
        foreach (var rule in encoding.OtherUnpredictable) EmitRule(il, rule, targets, insn, reason, InstrClass.Unpredictable);

        il.Emit(OpCodes.Ldloc, insn);
        il.Emit(OpCodes.Ret);
        return (CompiledRules)method.CreateDelegate(typeof(CompiledRules), new Closure(encoding, [.. targets]));
    }

    /// <summary>Unless <c>(word &amp; mask) <paramref name="pass"/> value</c>, returns the instruction as UNPREDICTABLE for <paramref name="why"/>.</summary>
    private static void EmitBitTest(ILGenerator il, uint mask, uint value, OpCode pass, LocalBuilder insn, Reason why)
    {
        var next = il.DefineLabel();
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldc_I4, (int)mask);
        il.Emit(OpCodes.And);
        il.Emit(OpCodes.Ldc_I4, (int)value);
        il.Emit(pass, next);
        il.Emit(OpCodes.Ldloca, insn);
        il.Emit(OpCodes.Ldc_I4, (int)InstrClass.Unpredictable);
        il.Emit(OpCodes.Ldc_I4, (int)why);
        il.Emit(OpCodes.Call, WithClass);
        il.Emit(OpCodes.Ret);
        il.MarkLabel(next);
    }

    /// <summary>Calls <paramref name="rule"/> on the instruction; unless it returns <see cref="Reason.None"/>, returns the instruction as <paramref name="cls"/>.</summary>
    private static void EmitRule(ILGenerator il, Rule rule, List<object> targets, LocalBuilder insn, LocalBuilder reason, InstrClass cls)
    {
        var m = rule.Method;
        bool single = rule.GetInvocationList().Length == 1;
        if (single && m.IsStatic && rule.Target is null)
        {
            il.Emit(OpCodes.Ldloca, insn);
            il.Emit(OpCodes.Call, m);
        }
        else if (single && !m.IsStatic && !m.IsVirtual && m.DeclaringType is { IsValueType: false } type)
        {
            EmitTarget(il, targets, rule.Target!, type);
            il.Emit(OpCodes.Ldloca, insn);
            il.Emit(OpCodes.Call, m);
        }
        else
        {
            // A delegate the JIT could not call directly anyway (several methods, a virtual one, a closed static one).
            EmitTarget(il, targets, rule, typeof(Rule));
            il.Emit(OpCodes.Ldloca, insn);
            il.Emit(OpCodes.Callvirt, Invoke);
        }
        var next = il.DefineLabel();
        il.Emit(OpCodes.Stloc, reason);
        il.Emit(OpCodes.Ldloc, reason);
        il.Emit(OpCodes.Brfalse, next);
        il.Emit(OpCodes.Ldloca, insn);
        il.Emit(OpCodes.Ldc_I4, (int)cls);
        il.Emit(OpCodes.Ldloc, reason);
        il.Emit(OpCodes.Call, WithClass);
        il.Emit(OpCodes.Ret);
        il.MarkLabel(next);
    }

    private static void EmitTarget(ILGenerator il, List<object> targets, object target, Type type)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, TargetsField);
        il.Emit(OpCodes.Ldc_I4, targets.Count);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Castclass, type);
        targets.Add(target);
    }
}
