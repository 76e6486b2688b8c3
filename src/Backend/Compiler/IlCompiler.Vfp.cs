using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Translator.IR;
using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Backend.Compiler;

public sealed unsafe partial class IlCompiler
{
    /// <summary>Byte offsets of the VFP's part of <see cref="CpuState"/>.</summary>
    private static class VfpLayout
    {
        public static readonly int D = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.D));
        public static readonly int Fpscr = (int)Marshal.OffsetOf<CpuState>(nameof(CpuState.Fpscr));
    }

    private sealed partial class Emitter
    {
        /// <summary>
        /// The VFP's operations. Its registers stay in the state (S and D alias each other there); the
        /// arithmetic calls <see cref="FloatingPoint"/>'s method of the opcode's name, whose host-arithmetic
        /// fast path the .NET JIT inlines, so only the rare cases reach the ARM ARM's rules.
        /// </summary>
        private void EmitVfp(Inst inst)
        {
            var a = inst.Args;
            int n = (int)inst.Aux;
            switch (inst.Op)
            {
                case Opcode.GetS: EmitLoadState(VfpLayout.D + 4 * n); return;
                case Opcode.SetS: EmitStoreState(VfpLayout.D + 4 * n, () => Load(a[0])); return;
                case Opcode.GetD:
                    EmitStateAddress(VfpLayout.D + 8 * n);
                    il.Emit(OpCodes.Ldind_I8);
                    return;
                case Opcode.SetD:
                    EmitStateAddress(VfpLayout.D + 8 * n);
                    Load(a[0]);
                    il.Emit(OpCodes.Stind_I8);
                    return;
                case Opcode.GetVfpSystem or Opcode.SetVfpSystem:
                    il.Emit(OpCodes.Ldarg, ArgState);
                    il.Emit(OpCodes.Ldc_I4, n);
                    if (inst.Op == Opcode.SetVfpSystem) Load(a[0]);
                    Call(inst.Op == Opcode.GetVfpSystem ? nameof(VfpSystem.Read) : nameof(VfpSystem.Write), typeof(VfpSystem));
                    return;
                case Opcode.VfpCheck:
                {
                    var permitted = il.DefineLabel();
                    il.Emit(OpCodes.Ldarg, ArgState);
                    il.Emit(OpCodes.Ldc_I4, n);
                    Call(nameof(VfpSystem.Permits), typeof(VfpSystem));
                    il.Emit(OpCodes.Brtrue, permitted);
                    EmitTerminal(new RaiseException(ExceptionKind.Undefined, _pc, 0));
                    il.MarkLabel(permitted);
                    return;
                }
                default:
                {
                    var method = typeof(FloatingPoint).GetMethod(inst.Op.ToString(), BindingFlags.Public | BindingFlags.Static)
                        ?? throw new NotSupportedException($"the IL compiler has no rule for {inst.Op}");
                    Args(inst);
                    if (method.GetParameters().Any(p => p.Name == "aux")) il.Emit(OpCodes.Ldc_I8, (long)inst.Aux);
                    EmitStateAddress(VfpLayout.Fpscr);
                    il.Emit(OpCodes.Call, method);
                    return;
                }
            }
        }

        private void EmitStateAddress(int offset)
        {
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, offset);
            il.Emit(OpCodes.Add);
        }
    }
}
