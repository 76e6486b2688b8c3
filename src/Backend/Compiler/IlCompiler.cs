using System.Reflection;
using System.Reflection.Emit;
using Translator.Backend.Execution;
using Translator.Backend.Memory;
using Translator.IR;
using Translator.IR.Semantics;
using Translator.IR.State;

namespace Translator.Backend.Compiler;

/// <summary>
/// Tier 1: compiles a block's IR, or a region of several blocks, to one DynamicMethod. Guest
/// registers R0–R14, N, Z, C, V and the retired-instruction count live in IL locals, loaded once on
/// entry and written back only where control leaves the method or calls out, so the .NET JIT keeps
/// them in host registers across a hot loop. A branch from one member of a region to another is an
/// IL branch, checked against the state's retire limit so that a loop still returns to the
/// dispatcher when its budget is spent (or when the limit is lowered to ask it to stop). Loads and
/// stores of guest memory index the software TLB inline and call out only on a miss.
/// </summary>
public sealed unsafe partial class IlCompiler
{
    private static readonly Type[] Parameters = [typeof(CpuState*), typeof(IGuestMemory), typeof(BlockExit)];
    private static readonly FieldInfo ExitKindField = typeof(BlockExit).GetField(nameof(BlockExit.Kind))!;

    private const int ArgState = 0, ArgMemory = 1, ArgExit = 2;

    public CompiledBlock Compile(Block block) => Compile(Region.Single(block));

    /// <summary>Compiles a region; every member must be in the entry's instruction set state.</summary>
    public CompiledBlock Compile(Region region)
    {
        var blocks = region.Blocks;
        if (blocks.Count == 0) throw new ArgumentException("a region needs an entry block", nameof(blocks));
        foreach (var b in blocks)
        {
            if (b.Thumb != blocks[0].Thumb) throw new ArgumentException("a region cannot mix ARM and Thumb blocks", nameof(blocks));
            b.Renumber();
        }
        var entry = blocks[0];
        string kind = blocks.Count == 1 ? "block" : "region";
        var method = new DynamicMethod($"{kind}_{entry.StartPc:x8}_{(entry.Thumb ? "t" : "a")}", typeof(ExitKind), Parameters, typeof(IlCompiler).Module, skipVisibility: true);
        new Emitter(blocks, region.PredictedTargets, method.GetILGenerator()).Emit();
        return method.CreateDelegate<CompiledBlock>();
    }

    private sealed partial class Emitter(IReadOnlyList<Block> blocks, IReadOnlyDictionary<Block, uint> predicted, ILGenerator il)
    {
        private const int CachedRegisters = 15, CachedFlags = 4;
        private readonly Dictionary<uint, Label> _members = [];
        private readonly LocalBuilder?[] _regs = new LocalBuilder?[CachedRegisters];
        private readonly LocalBuilder?[] _flags = new LocalBuilder?[CachedFlags];
        private uint _writtenRegs, _writtenFlags;
        private LocalBuilder _retired = null!;
        private LocalBuilder? _exitKind;
        private readonly List<LocalBuilder> _pool32 = [], _pool64 = [];
        private int _used32, _used64;
        private LocalBuilder?[] _values = [];
        private Block block = blocks[0];
        /// <summary>Whether the block being emitted may branch to other members (it has no call-out that could change the mode or ISA state a member was translated for).</summary>
        private bool _linkable;
        private LocalBuilder? _tlb;
        private LocalBuilder? _address;
        private LocalBuilder? _entry;
        private Label _abort;
        private uint _pc = blocks[0].StartPc;

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

            if (blocks.Any(b => b.Insts.Any(i => i.Op is >= Opcode.Load8 and <= Opcode.Store64)))
            {
                _tlb = il.DeclareLocal(typeof(TlbEntry*));
                _address = il.DeclareLocal(typeof(uint));
                _entry = il.DeclareLocal(typeof(TlbEntry*));
                il.Emit(OpCodes.Ldarg, ArgState);
                il.Emit(OpCodes.Ldc_I4, StateLayout.Tlb);
                il.Emit(OpCodes.Add);
                il.Emit(OpCodes.Ldind_I);
                il.Emit(OpCodes.Stloc, _tlb);
            }
            foreach (var b in blocks) _members.TryAdd(b.StartPc, il.DefineLabel());
            DeclareStateLocals();

            foreach (var b in blocks)
            {
                block = b;
                _pc = b.StartPc;
                _linkable = !b.Insts.Any(i => i.Op == Opcode.CallOut);
                _values = new LocalBuilder?[b.Insts.Count];
                _used32 = _used64 = 0;
                il.MarkLabel(_members[b.StartPc]);
                if (b.Condition != Conditions.Always) EmitEntryCondition();
                foreach (var inst in b.Insts) EmitInst(inst);
                EmitRetired(b.GuestInstructions);
                EmitTerminal(b.Terminal!);
            }

            il.MarkLabel(_abort);
            EmitFlush();
            il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Abort);
            il.Emit(OpCodes.Ret);
        }

        /// <summary>
        /// Gives every register and flag the region touches an IL local, loaded from the state on entry,
        /// when the region loops back into itself. Straight-line code gains nothing from that (its gets and
        /// sets are already forwarded within the block) and would pay for loading registers it only writes.
        /// </summary>
        private void DeclareStateLocals()
        {
            _retired = il.DeclareLocal(typeof(ulong));
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, StateLayout.Retired);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldind_I8);
            il.Emit(OpCodes.Stloc, _retired);
            if (predicted.Count == 0 && !blocks.Any(b => b.DirectSuccessors().Any(j => j.Thumb == b.Thumb && _members.ContainsKey(j.Target)))) return;
            bool flagsUsed = false;
            foreach (var b in blocks)
            {
                if (b.Condition != Conditions.Always) flagsUsed = true;
                foreach (var inst in b.Insts)
                {
                    switch (inst.Op)
                    {
                        case Opcode.GetReg or Opcode.SetReg when inst.Aux < CachedRegisters:
                            _regs[inst.Aux] ??= il.DeclareLocal(typeof(uint));
                            if (inst.Op == Opcode.SetReg) _writtenRegs |= 1u << (int)inst.Aux;
                            break;
                        case Opcode.GetFlag or Opcode.SetFlag when inst.Aux < CachedFlags:
                            flagsUsed = true;
                            if (inst.Op == Opcode.SetFlag) _writtenFlags |= 1u << (int)inst.Aux;
                            break;
                    }
                }
            }
            if (flagsUsed)
                for (int f = 0; f < CachedFlags; f++) _flags[f] = il.DeclareLocal(typeof(uint));
            EmitReload();
        }

        /// <summary>Loads every cached register and flag from the state (on entry, and after a call-out that may have changed them).</summary>
        private void EmitReload()
        {
            for (int r = 0; r < CachedRegisters; r++)
                if (_regs[r] is { } local) { EmitLoadState(StateLayout.Register(r)); il.Emit(OpCodes.Stloc, local); }
            for (int f = 0; f < CachedFlags; f++)
                if (_flags[f] is { } local) { EmitLoadState(StateLayout.Flag((Flag)f)); il.Emit(OpCodes.Stloc, local); }
        }

        /// <summary>Writes every register and flag the region may have changed, and the retired count, back to the state.</summary>
        private void EmitFlush()
        {
            for (int r = 0; r < CachedRegisters; r++)
                if ((_writtenRegs & (1u << r)) != 0) EmitStoreState(StateLayout.Register(r), () => il.Emit(OpCodes.Ldloc, _regs[r]!));
            for (int f = 0; f < CachedFlags; f++)
                if ((_writtenFlags & (1u << f)) != 0) EmitStoreState(StateLayout.Flag((Flag)f), () => il.Emit(OpCodes.Ldloc, _flags[f]!));
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, StateLayout.Retired);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldloc, _retired);
            il.Emit(OpCodes.Stind_I8);
        }

        /// <summary>Continues at a member while the retire limit is not reached; falls through otherwise.</summary>
        private void EmitBudgetCheck(Label member)
        {
            il.Emit(OpCodes.Ldloc, _retired);
            il.Emit(OpCodes.Ldarg, ArgState);
            il.Emit(OpCodes.Ldc_I4, StateLayout.RetireLimit);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Ldind_I8);
            il.Emit(OpCodes.Blt_Un, member);
        }

        private void EmitEntryCondition()
        {
            var run = il.DefineLabel();
            EmitConditionTest(block.Condition);
            il.Emit(OpCodes.Brtrue, run);
            EmitRetired(block.GuestInstructions);
            EmitJump(block.ConditionFailedTarget, block.Thumb, block.ConditionFailedIt, linkable: true);
            il.MarkLabel(run);
        }

        /// <summary>
        /// Continues at a known address: inside the method when it starts a member (and the budget is
        /// not spent), otherwise by returning to the dispatcher with PC and T set.
        /// </summary>
        private void EmitJump(uint target, bool thumb, byte it, bool linkable)
        {
            if (linkable && thumb == blocks[0].Thumb && it == blocks[0].StartIt && _members.TryGetValue(target, out var member))
            {
                // Every cycle has an edge that does not go forwards, so only those check the budget.
                if (target > block.StartPc)
                {
                    il.Emit(OpCodes.Br, member);
                    return;
                }
                EmitBudgetCheck(member);
            }
            EmitStoreState(StateLayout.Register(15), () => il.Emit(OpCodes.Ldc_I4, unchecked((int)target)));
            EmitStoreState(StateLayout.T, () => il.Emit(thumb ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0));
            // ARM code never has an IT state, so only Thumb blocks store it.
            if (block.Thumb) EmitStoreState(StateLayout.IT, () => il.Emit(OpCodes.Ldc_I4, (int)it));
            EmitFlush();
            il.Emit(OpCodes.Ldc_I4, (int)ExitKind.Continue);
            il.Emit(OpCodes.Ret);
        }

        /// <summary>Pushes 1 when the ARM condition passes on the state's flags, else 0.</summary>
        private void EmitConditionTest(int cond)
        {
            void F(Flag f)
            {
                if (_flags[(int)f] is { } cached) il.Emit(OpCodes.Ldloc, cached);
                else EmitLoadState(StateLayout.Flag(f));
            }
            switch (cond >> 1)
            {
                case 0: F(Flag.Z); break;
                case 1: F(Flag.C); break;
                case 2: F(Flag.N); break;
                case 3: F(Flag.V); break;
                case 4: F(Flag.C); F(Flag.Z); il.Emit(OpCodes.Not); il.Emit(OpCodes.And); il.Emit(OpCodes.Ldc_I4_1); il.Emit(OpCodes.And); break;
                case 5: F(Flag.N); F(Flag.V); il.Emit(OpCodes.Ceq); break;
                case 6: F(Flag.N); F(Flag.V); il.Emit(OpCodes.Ceq); F(Flag.Z); il.Emit(OpCodes.Ldc_I4_1); il.Emit(OpCodes.Xor); il.Emit(OpCodes.And); break;
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
            il.Emit(OpCodes.Ldloc, _retired);
            il.Emit(OpCodes.Ldc_I8, (long)count);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc, _retired);
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

        /// <summary>Keeps a value in a local; locals are reused from block to block, since no value outlives its block.</summary>
        private void Store(Inst inst)
        {
            bool wide = inst.Type == IrType.I64;
            var pool = wide ? _pool64 : _pool32;
            ref int used = ref wide ? ref _used64 : ref _used32;
            if (used == pool.Count) pool.Add(il.DeclareLocal(wide ? typeof(ulong) : typeof(uint)));
            var local = pool[used++];
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
                case Opcode.GetReg when inst.Aux < CachedRegisters && _regs[inst.Aux] is { } cached: il.Emit(OpCodes.Ldloc, cached); break;
                case Opcode.GetReg: EmitLoadState(StateLayout.Register((int)inst.Aux)); break;
                case Opcode.SetReg when inst.Aux < CachedRegisters && _regs[inst.Aux] is { } cached: Load(a[0]); il.Emit(OpCodes.Stloc, cached); return;
                case Opcode.SetReg: EmitStoreState(StateLayout.Register((int)inst.Aux), () => Load(a[0])); return;
                case Opcode.GetFlag when inst.Aux < CachedFlags && _flags[inst.Aux] is { } cached: il.Emit(OpCodes.Ldloc, cached); break;
                case Opcode.GetFlag: EmitLoadState(StateLayout.Flag((Flag)inst.Aux)); break;
                case Opcode.SetFlag when inst.Aux < CachedFlags && _flags[inst.Aux] is { } cached: Load(a[0]); il.Emit(OpCodes.Stloc, cached); return;
                case Opcode.SetFlag: EmitStoreState(StateLayout.Flag((Flag)inst.Aux), () => Load(a[0])); return;
                case Opcode.GetGE: EmitLoadState(StateLayout.GE); break;
                case Opcode.GetSystemWord: EmitLoadState((int)inst.Aux); break;
                case Opcode.SetSystemWord: EmitStoreState((int)inst.Aux, () => Load(a[0])); return;
                case Opcode.SetIt:
                    EmitStoreState(StateLayout.IT, () => il.Emit(OpCodes.Ldc_I4, (int)inst.Aux));
                    return;
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
                    // The call-out sees and may change the whole state (a mode switch swaps banked registers).
                    EmitFlush();
                    il.Emit(OpCodes.Ldarg, ArgState);
                    il.Emit(OpCodes.Ldc_I8, (long)inst.Aux);
                    if (a.Length > 0) Load(a[0]); else il.Emit(OpCodes.Ldc_I4_0);
                    if (a.Length > 1) Load(a[1]); else il.Emit(OpCodes.Ldc_I4_0);
                    Call(nameof(SystemCalls.Invoke), typeof(SystemCalls));
                    EmitReload();
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
                case >= Opcode.GetS and <= Opcode.FpFixedToDouble: EmitVfp(inst); break;
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
                    EmitJump(j.Target, j.Thumb, j.It, _linkable);
                    return;
                case JumpIndirect j:
                    if (_linkable && predicted.TryGetValue(block, out uint guess) && _members.TryGetValue(guess, out var member) && blocks[0].StartIt == 0)
                    {
                        // An aligned ARM address is the same PC and state whether or not the jump
                        // interworks; a Thumb member is reached by an interworking jump to its address + 1.
                        var miss = il.DefineLabel();
                        Load(j.Target);
                        il.Emit(OpCodes.Ldc_I4, unchecked((int)(block.Thumb && j.Exchange ? guess | 1 : guess)));
                        il.Emit(OpCodes.Bne_Un, miss);
                        EmitBudgetCheck(member);
                        il.MarkLabel(miss);
                    }
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
            // The exit helpers touch only PC, T and the exit record, never a cached register.
            _exitKind ??= il.DeclareLocal(typeof(int));
            il.Emit(OpCodes.Stloc, _exitKind);
            EmitFlush();
            il.Emit(OpCodes.Ldloc, _exitKind);
            il.Emit(OpCodes.Ret);
        }
    }
}
