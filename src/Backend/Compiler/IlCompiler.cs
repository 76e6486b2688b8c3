using System.Reflection;
using System.Reflection.Emit;
using Translator.Backend.Execution;
using Translator.Backend.Memory;
using Translator.IR;
using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Backend.Compiler;

/// <summary>
/// Tier 1: compiles a block's IR to one DynamicMethod. Each IR value is an IL local; state reads and
/// writes are loads and stores at fixed offsets from the state pointer; loads and stores of guest
/// memory index the software TLB inline and call out only on a miss.
/// </summary>
public sealed unsafe class IlCompiler
{
    private static readonly Type[] Parameters = [typeof(CpuState*), typeof(IGuestMemory), typeof(BlockExit)];
    private static readonly FieldInfo ExitKindField = typeof(BlockExit).GetField(nameof(BlockExit.Kind))!;
    private static readonly MethodInfo GetTlb = typeof(IGuestMemory).GetProperty(nameof(IGuestMemory.Tlb))!.GetMethod!;
    private static readonly MethodInfo GetEntries = typeof(SoftTlb).GetProperty(nameof(SoftTlb.Entries))!.GetMethod!;

    private const int ArgState = 0, ArgMemory = 1, ArgExit = 2;

    public CompiledBlock Compile(Block block)
    {
        block.Renumber();
        var method = new DynamicMethod($"block_{block.StartPc:x8}_{(block.Thumb ? "t" : "a")}", typeof(ExitKind), Parameters, typeof(IlCompiler).Module, skipVisibility: true);
        new Emitter(block, method.GetILGenerator()).Emit();
        return method.CreateDelegate<CompiledBlock>();
    }

    private sealed class Emitter(Block block, ILGenerator il)
    {
        private readonly LocalBuilder?[] _values = new LocalBuilder?[block.Insts.Count];
        private LocalBuilder? _tlb;
        private LocalBuilder? _address;
        private LocalBuilder? _entry;
        private Label _abort;
        private uint _pc = block.StartPc;

        public void Emit()
        {
            _abort = il.DefineLabel();
            // A call with a null state only forces the JIT to compile the method (see BackgroundCompiler).
            var live = il.DefineLabel();
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Brtrue, live);
            il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Continue);
            il.Emit(OpCodes.Ret);
            il.MarkLabel(live);
            // exit.Kind = Continue: the memory slow paths report a fault by changing it.
            il.Emit(OpCodes.Ldarg, ArgExit);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Stfld, ExitKindField);

            if (block.Condition != Conditions.Always) EmitEntryCondition();
            if (block.Insts.Any(i => i.Op is >= Opcode.Load8 and <= Opcode.Store64))
            {
                _tlb = il.DeclareLocal(typeof(TlbEntry*));
                _address = il.DeclareLocal(typeof(uint));
                _entry = il.DeclareLocal(typeof(TlbEntry*));
                il.Emit(OpCodes.Ldarg, ArgMemory);
                il.Emit(OpCodes.Callvirt, GetTlb);
                il.Emit(OpCodes.Callvirt, GetEntries);
                il.Emit(OpCodes.Stloc, _tlb);
            }
            foreach (var inst in block.Insts) EmitInst(inst);
            EmitRetired(block.GuestInstructions);
            EmitTerminal(block.Terminal!);

            il.MarkLabel(_abort);
            il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Abort);
            il.Emit(OpCodes.Ret);
        }

        private void EmitEntryCondition()
        {
            var run = il.DefineLabel();
            EmitConditionTest(block.Condition);
            il.Emit(OpCodes.Brtrue, run);
            EmitStoreState(StateLayout.Register(15), () => il.Emit(OpCodes.Ldc_I4, unchecked((int)block.ConditionFailedTarget)));
            EmitRetired(block.GuestInstructions);
            il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Continue);
            il.Emit(OpCodes.Ret);
            il.MarkLabel(run);
        }

        /// <summary>Pushes 1 when the ARM condition passes on the state's flags, else 0.</summary>
        private void EmitConditionTest(int cond)
        {
            void F(int offset) => EmitLoadState(offset);
            switch (cond >> 1)
            {
                case 0: F(StateLayout.Z); break;
                case 1: F(StateLayout.C); break;
                case 2: F(StateLayout.N); break;
                case 3: F(StateLayout.V); break;
                case 4: F(StateLayout.C); F(StateLayout.Z); il.Emit(OpCodes.Not); il.Emit(OpCodes.And); il.Emit(OpCodes.Ldc_I4_1); il.Emit(OpCodes.And); break;
                case 5: F(StateLayout.N); F(StateLayout.V); il.Emit(OpCodes.Ceq); break;
                case 6: F(StateLayout.N); F(StateLayout.V); il.Emit(OpCodes.Ceq); F(StateLayout.Z); il.Emit(OpCodes.Ldc_I4_1); il.Emit(OpCodes.Xor); il.Emit(OpCodes.And); break;
                default: il.Emit(OpCodes.Ldc_I4_1); return;
            }
            if ((cond & 1) != 0) { il.Emit(OpCodes.Ldc_I4_1); il.Emit(OpCodes.Xor); }
        }

        private void EmitLoadState(int offset)
        {
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, offset);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldind_U4);
        }

        private void EmitStoreState(int offset, Action value)
        {
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, offset);
            il.Emit(OpCodes.Add);
            value();
            il.Emit(OpCodes.Stind_I4);
        }

        private void EmitRetired(int count)
        {
            if (count == 0) return;
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, StateLayout.Retired);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldind_I8);
            il.Emit(OpCodes.Ldc_I8, (long)count);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stind_I8);
        }

        private void Load(Value v)
        {
            if (v.Def is { } d)
            {
                il.Emit(OpCodes.Ldloc, _values[d.Id] ?? throw new InvalidOperationException($"%{d.Id} has no value"));
                return;
            }
            if (v.Type == IrType.I64) il.Emit(OpCodes.Ldc_I8, unchecked((long)v.Bits));
            else il.Emit(OpCodes.Ldc_I4, unchecked((int)(uint)v.Bits));
        }

        private void Store(Inst inst)
        {
            var local = il.DeclareLocal(inst.Type == IrType.I64 ? typeof(ulong) : typeof(uint));
            _values[inst.Id] = local;
            il.Emit(OpCodes.Stloc, local);
        }

        private void Call(string name, Type owner)
        {
            var m = owner.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(owner.Name, name);
            il.Emit(OpCodes.Call, m);
        }

        private void Args(Inst inst)
        {
            foreach (var a in inst.Args) Load(a);
        }

        private void EmitInst(Inst inst)
        {
            var a = inst.Args;
            switch (inst.Op)
            {
                case Opcode.Mark: _pc = (uint)inst.Aux; return;
                case Opcode.Barrier or Opcode.Hint: return;
                case Opcode.GetReg: EmitLoadState(StateLayout.Register((int)inst.Aux)); break;
                case Opcode.SetReg: EmitStoreState(StateLayout.Register((int)inst.Aux), () => Load(a[0])); return;
                case Opcode.GetFlag: EmitLoadState(StateLayout.Flag((Flag)inst.Aux)); break;
                case Opcode.SetFlag: EmitStoreState(StateLayout.Flag((Flag)inst.Aux), () => Load(a[0])); return;
                case Opcode.GetGE: EmitLoadState(StateLayout.GE); break;
                case Opcode.SetGE:
                    EmitStoreState(StateLayout.GE, () => { Load(a[0]); il.Emit(OpCodes.Ldc_I4, 0xF); il.Emit(OpCodes.And); });
                    return;

                case Opcode.Add or Opcode.AddWithCarry: Args(inst); il.Emit(OpCodes.Add); if (inst.Op == Opcode.AddWithCarry) il.Emit(OpCodes.Add); break;
                case Opcode.Sub: Args(inst); il.Emit(OpCodes.Sub); break;
                case Opcode.Mul: Args(inst); il.Emit(OpCodes.Mul); break;
                case Opcode.And or Opcode.BoolAnd: Args(inst); il.Emit(OpCodes.And); break;
                case Opcode.Or or Opcode.BoolOr: Args(inst); il.Emit(OpCodes.Or); break;
                case Opcode.Xor or Opcode.BoolXor: Args(inst); il.Emit(OpCodes.Xor); break;
                case Opcode.AndNot: Load(a[0]); Load(a[1]); il.Emit(OpCodes.Not); il.Emit(OpCodes.And); break;
                case Opcode.Not: Load(a[0]); il.Emit(OpCodes.Not); break;
                case Opcode.Neg: Load(a[0]); il.Emit(OpCodes.Neg); break;
                case Opcode.BoolNot: Load(a[0]); il.Emit(OpCodes.Ldc_I4_1); il.Emit(OpCodes.Xor); break;
                case Opcode.BoolToI32: Load(a[0]); break;
                case Opcode.CarryOfAdd: Args(inst); Call(nameof(Scalar.Carry), typeof(Scalar)); break;
                case Opcode.OverflowOfAdd: Args(inst); Call(nameof(Scalar.Overflow), typeof(Scalar)); break;
                case Opcode.Lsl or Opcode.Lsr or Opcode.Asr or Opcode.Ror when a[1].IsConstant:
                    EmitConstantShift(inst.Op, a[0], (uint)a[1].Bits & 0xFF);
                    break;
                case Opcode.Lsl or Opcode.Lsr or Opcode.Asr or Opcode.Ror
                    or Opcode.LslCarry or Opcode.LsrCarry or Opcode.AsrCarry or Opcode.RorCarry:
                    Args(inst); Call(inst.Op.ToString(), typeof(Shifts)); break;
                case Opcode.Rrx: Args(inst); Call(nameof(Scalar.Rrx), typeof(Scalar)); break;
                case Opcode.Clz or Opcode.Rbit or Opcode.Rev or Opcode.Rev16 or Opcode.Revsh or Opcode.UDiv or Opcode.SDiv:
                    Args(inst); Call(inst.Op.ToString(), typeof(Scalar)); break;
                case Opcode.SignExtend8: Load(a[0]); il.Emit(OpCodes.Conv_I1); break;
                case Opcode.SignExtend16: Load(a[0]); il.Emit(OpCodes.Conv_I2); break;
                case Opcode.ZeroExtend8: Load(a[0]); il.Emit(OpCodes.Conv_U1); break;
                case Opcode.ZeroExtend16: Load(a[0]); il.Emit(OpCodes.Conv_U2); break;
                case Opcode.SignedSaturate or Opcode.SignedSaturates or Opcode.UnsignedSaturate or Opcode.UnsignedSaturates:
                    Load(a[0]); il.Emit(OpCodes.Ldc_I4, (int)inst.Aux); Call(inst.Op.ToString(), typeof(Scalar)); break;
                case Opcode.IsZero: Load(a[0]); il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Ceq); break;
                case Opcode.IsNegative: Load(a[0]); il.Emit(OpCodes.Ldc_I4, 31); il.Emit(OpCodes.Shr_Un); break;
                case Opcode.Eq: Args(inst); il.Emit(OpCodes.Ceq); break;
                case Opcode.LtU: Args(inst); il.Emit(OpCodes.Clt_Un); break;
                case Opcode.LtS: Args(inst); il.Emit(OpCodes.Clt); break;
                case Opcode.Select:
                {
                    var otherwise = il.DefineLabel();
                    var done = il.DefineLabel();
                    Load(a[0]);
                    il.Emit(OpCodes.Brfalse, otherwise);
                    Load(a[1]);
                    il.Emit(OpCodes.Br, done);
                    il.MarkLabel(otherwise);
                    Load(a[2]);
                    il.MarkLabel(done);
                    break;
                }
                case Opcode.MulU64: Load(a[0]); il.Emit(OpCodes.Conv_U8); Load(a[1]); il.Emit(OpCodes.Conv_U8); il.Emit(OpCodes.Mul); break;
                case Opcode.MulS64: Load(a[0]); il.Emit(OpCodes.Conv_I8); Load(a[1]); il.Emit(OpCodes.Conv_I8); il.Emit(OpCodes.Mul); break;
                case Opcode.Add64: Args(inst); il.Emit(OpCodes.Add); break;
                case Opcode.Sub64: Args(inst); il.Emit(OpCodes.Sub); break;
                case Opcode.Lo32: Load(a[0]); il.Emit(OpCodes.Conv_U4); break;
                case Opcode.Hi32: Load(a[0]); il.Emit(OpCodes.Ldc_I4, 32); il.Emit(OpCodes.Shr_Un); il.Emit(OpCodes.Conv_U4); break;
                case Opcode.Pack64:
                    Load(a[0]); il.Emit(OpCodes.Conv_U8); il.Emit(OpCodes.Ldc_I4, 32); il.Emit(OpCodes.Shl);
                    Load(a[1]); il.Emit(OpCodes.Conv_U8); il.Emit(OpCodes.Or);
                    break;
                case Opcode.ZeroExtend64: Load(a[0]); il.Emit(OpCodes.Conv_U8); break;
                case Opcode.SignExtend64: Load(a[0]); il.Emit(OpCodes.Conv_I8); break;
                case Opcode.SignedSaturate64To32 or Opcode.SignedSaturates64To32: Load(a[0]); Call(inst.Op.ToString(), typeof(Scalar)); break;
                case Opcode.Packed or Opcode.PackedGe:
                    Load(a[0]); Load(a[1]); il.Emit(OpCodes.Ldc_I8, (long)inst.Aux); Call(inst.Op.ToString(), typeof(Scalar)); break;
                case Opcode.CallOut:
                    il.Emit(OpCodes.Ldarg, ArgState);
                    il.Emit(OpCodes.Ldc_I8, (long)inst.Aux);
                    if (a.Length > 0) Load(a[0]); else il.Emit(OpCodes.Ldc_I4_0);
                    if (a.Length > 1) Load(a[1]); else il.Emit(OpCodes.Ldc_I4_0);
                    Call(nameof(SystemCalls.Invoke), typeof(SystemCalls));
                    break;
                case >= Opcode.Load8 and <= Opcode.Load64: EmitLoad(inst, 1 << (inst.Op - Opcode.Load8)); break;
                case >= Opcode.Store8 and <= Opcode.Store64: EmitStore(inst, 1 << (inst.Op - Opcode.Store8)); return;
                case >= Opcode.LoadExclusive8 and <= Opcode.LoadExclusive64:
                    EmitSlowCall(nameof(MemoryPaths.LoadExclusive), a[0], null, 1 << (inst.Op - Opcode.LoadExclusive8), inst.Aux);
                    if (inst.Type == IrType.I32) il.Emit(OpCodes.Conv_U4);
                    break;
                case >= Opcode.StoreExclusive8 and <= Opcode.StoreExclusive64:
                    EmitSlowCall(nameof(MemoryPaths.StoreExclusive), a[0], a[1], 1 << (inst.Op - Opcode.StoreExclusive8), inst.Aux);
                    break;
                case Opcode.ClearExclusive:
                    EmitStoreState(StateLayout.ExclusiveOpen, () => il.Emit(OpCodes.Ldc_I4_0));
                    return;
                default:
                    throw new NotSupportedException($"the IL compiler has no rule for {inst.Op}");
            }
            if (inst.Type != IrType.Void) Store(inst);
        }

        private void EmitConstantShift(Opcode op, Value value, uint amount)
        {
            Load(value);
            switch (op)
            {
                case Opcode.Lsl when amount >= 32: il.Emit(OpCodes.Pop); il.Emit(OpCodes.Ldc_I4_0); break;
                case Opcode.Lsl: il.Emit(OpCodes.Ldc_I4, (int)amount); il.Emit(OpCodes.Shl); break;
                case Opcode.Lsr when amount >= 32: il.Emit(OpCodes.Pop); il.Emit(OpCodes.Ldc_I4_0); break;
                case Opcode.Lsr: il.Emit(OpCodes.Ldc_I4, (int)amount); il.Emit(OpCodes.Shr_Un); break;
                case Opcode.Asr: il.Emit(OpCodes.Ldc_I4, (int)Math.Min(amount, 31u)); il.Emit(OpCodes.Shr); break;
                default:
                {
                    int r = (int)(amount & 31);
                    if (r == 0) break;
                    var tmp = il.DeclareLocal(typeof(uint));
                    il.Emit(OpCodes.Stloc, tmp);
                    il.Emit(OpCodes.Ldloc, tmp); il.Emit(OpCodes.Ldc_I4, r); il.Emit(OpCodes.Shr_Un);
                    il.Emit(OpCodes.Ldloc, tmp); il.Emit(OpCodes.Ldc_I4, 32 - r); il.Emit(OpCodes.Shl);
                    il.Emit(OpCodes.Or);
                    break;
                }
            }
        }

        /// <summary>
        /// entry = tlb + ((address >> 12) &amp; (Size-1)); hit when entry.tag == address &amp; (PageMask | (size-1)).
        /// Leaves the host pointer on the stack and branches to <paramref name="miss"/> otherwise.
        /// </summary>
        private void EmitTlbLookup(Value address, int size, int tagOffset, Label miss)
        {
            Load(address);
            il.Emit(OpCodes.Stloc, _address!);
            il.Emit(OpCodes.Ldloc, _tlb!);
            il.Emit(OpCodes.Ldloc, _address!);
            il.Emit(OpCodes.Ldc_I4, SoftTlb.PageBits);
            il.Emit(OpCodes.Shr_Un);
            il.Emit(OpCodes.Ldc_I4, SoftTlb.Size - 1);
            il.Emit(OpCodes.And);
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Sizeof, typeof(TlbEntry));
            il.Emit(OpCodes.Mul);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc, _entry!);
            il.Emit(OpCodes.Ldloc, _entry!);
            il.Emit(OpCodes.Ldc_I4, tagOffset);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldind_U4);
            il.Emit(OpCodes.Ldloc, _address!);
            il.Emit(OpCodes.Ldc_I4, unchecked((int)(SoftTlb.PageMask | (uint)(size - 1))));
            il.Emit(OpCodes.And);
            il.Emit(OpCodes.Bne_Un, miss);
            il.Emit(OpCodes.Ldloc, _entry!);
            il.Emit(OpCodes.Ldc_I4, 16); // TlbEntry.Addend
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldind_I);
            il.Emit(OpCodes.Ldloc, _address!);
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Add);
        }

        private void EmitLoad(Inst inst, int size)
        {
            if ((MemoryAccess)inst.Aux != MemoryAccess.None)
            {
                EmitSlowCall(nameof(MemoryPaths.Read), inst.Args[0], null, size, inst.Aux);
                if (size < 8) il.Emit(OpCodes.Conv_U4);
                return;
            }
            var miss = il.DefineLabel();
            var done = il.DefineLabel();
            EmitTlbLookup(inst.Args[0], size, 0, miss);
            il.Emit(size switch { 1 => OpCodes.Ldind_U1, 2 => OpCodes.Ldind_U2, 4 => OpCodes.Ldind_U4, _ => OpCodes.Ldind_I8 });
            il.Emit(OpCodes.Br, done);
            il.MarkLabel(miss);
            EmitSlowCall(nameof(MemoryPaths.Read), null, null, size, inst.Aux);
            if (size < 8) il.Emit(OpCodes.Conv_U4);
            il.MarkLabel(done);
        }

        private void EmitStore(Inst inst, int size)
        {
            if ((MemoryAccess)inst.Aux != MemoryAccess.None)
            {
                EmitSlowCall(nameof(MemoryPaths.Write), inst.Args[0], inst.Args[1], size, inst.Aux);
                return;
            }
            var miss = il.DefineLabel();
            var done = il.DefineLabel();
            EmitTlbLookup(inst.Args[0], size, 4, miss);
            Load(inst.Args[1]);
            il.Emit(size switch { 1 => OpCodes.Stind_I1, 2 => OpCodes.Stind_I2, 4 => OpCodes.Stind_I4, _ => OpCodes.Stind_I8 });
            il.Emit(OpCodes.Br, done);
            il.MarkLabel(miss);
            EmitSlowCall(nameof(MemoryPaths.Write), null, inst.Args[1], size, inst.Aux);
            il.MarkLabel(done);
        }

        /// <summary>
        /// Calls a <see cref="MemoryPaths"/> method (memory, exit, state, address, size, [value,] access, pc)
        /// and leaves the block through the abort label when it reports a fault. A null address means
        /// the address is already in the address local.
        /// </summary>
        private void EmitSlowCall(string name, Value? address, Value? value, int size, ulong access)
        {
            il.Emit(OpCodes.Ldarg, ArgMemory);
            il.Emit(OpCodes.Ldarg, ArgExit);
            il.Emit(OpCodes.Ldarg, ArgState);
            if (address is { } addr) Load(addr); else il.Emit(OpCodes.Ldloc, _address!);
            il.Emit(OpCodes.Ldc_I4, size);
            if (value is { } v)
            {
                Load(v);
                if (v.Type != IrType.I64) il.Emit(OpCodes.Conv_U8);
            }
            il.Emit(OpCodes.Ldc_I8, (long)access);
            il.Emit(OpCodes.Ldc_I4, unchecked((int)_pc));
            Call(name, typeof(MemoryPaths));
            var ok = il.DefineLabel();
            il.Emit(OpCodes.Ldarg, ArgExit);
            il.Emit(OpCodes.Ldfld, ExitKindField);
            il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Abort);
            il.Emit(OpCodes.Bne_Un, ok);
            if (name is nameof(MemoryPaths.Read) or nameof(MemoryPaths.LoadExclusive) or nameof(MemoryPaths.StoreExclusive)) il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Br, _abort);
            il.MarkLabel(ok);
        }

        private void EmitTerminal(Terminal t)
        {
            switch (t)
            {
                case If i:
                {
                    var otherwise = il.DefineLabel();
                    Load(i.Condition);
                    il.Emit(OpCodes.Brfalse, otherwise);
                    EmitTerminal(i.Then);
                    il.MarkLabel(otherwise);
                    EmitTerminal(i.Else);
                    return;
                }
                case Jump j:
                    EmitStoreState(StateLayout.Register(15), () => il.Emit(OpCodes.Ldc_I4, unchecked((int)j.Target)));
                    EmitStoreState(StateLayout.T, () => il.Emit(j.Thumb ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0));
                    il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Continue);
                    break;
                case JumpIndirect j:
                    il.Emit(OpCodes.Ldarg, ArgState);
                    Load(j.Target);
                    il.Emit(j.Exchange ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                    Call(nameof(Exits.JumpIndirect), typeof(Exits));
                    break;
                case RaiseException e:
                    il.Emit(OpCodes.Ldarg, ArgState); il.Emit(OpCodes.Ldarg, ArgExit);
                    il.Emit(OpCodes.Ldc_I4, (int)e.Kind); il.Emit(OpCodes.Ldc_I4, unchecked((int)e.Pc)); il.Emit(OpCodes.Ldc_I4, unchecked((int)e.Immediate));
                    Call(nameof(Exits.Exception), typeof(Exits));
                    break;
                case Trap tr:
                    il.Emit(OpCodes.Ldarg, ArgState); il.Emit(OpCodes.Ldarg, ArgExit);
                    il.Emit(OpCodes.Ldc_I4, unchecked((int)tr.Word)); il.Emit(OpCodes.Ldc_I4, unchecked((int)tr.Pc)); il.Emit(tr.Thumb ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                    Call(nameof(Exits.Trap), typeof(Exits));
                    break;
                case ReturnToDispatcher d:
                    il.Emit(OpCodes.Ldarg, ArgState); il.Emit(OpCodes.Ldarg, ArgExit);
                    il.Emit(OpCodes.Ldc_I4, unchecked((int)d.NextPc)); il.Emit(d.Thumb ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                    Call(nameof(Exits.Dispatcher), typeof(Exits));
                    break;
                case ContinueAtState:
                    il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Continue);
                    break;
                case WaitForInterrupt w:
                    il.Emit(OpCodes.Ldarg, ArgState); il.Emit(OpCodes.Ldarg, ArgExit);
                    il.Emit(OpCodes.Ldc_I4, unchecked((int)w.NextPc)); il.Emit(w.Thumb ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                    Call(nameof(Exits.WaitForInterrupt), typeof(Exits));
                    break;
                default:
                    throw new NotSupportedException($"the IL compiler has no rule for terminal {t}");
            }
            il.Emit(OpCodes.Ret);
        }
    }
}
