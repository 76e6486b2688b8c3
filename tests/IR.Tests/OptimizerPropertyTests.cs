using Translator.IR.Passes;

namespace Translator.IR.Tests;

/// <summary>
/// Random blocks give the same results optimised and not: the same final registers, flags, GE and
/// memory, the same exit, and the same state at every point where it must be exact.
/// </summary>
public sealed class OptimizerPropertyTests
{
    private static readonly Opcode[] BinaryI32 =
        [Opcode.Add, Opcode.Sub, Opcode.Mul, Opcode.And, Opcode.Or, Opcode.Xor, Opcode.AndNot, Opcode.Lsl, Opcode.Lsr, Opcode.Asr, Opcode.Ror, Opcode.UDiv, Opcode.SDiv];
    private static readonly Opcode[] UnaryI32 =
        [Opcode.Not, Opcode.Neg, Opcode.Clz, Opcode.Rbit, Opcode.Rev, Opcode.Rev16, Opcode.Revsh, Opcode.SignExtend8, Opcode.ZeroExtend16];
    private static readonly Opcode[] FlagOfI32x2 = [Opcode.Eq, Opcode.LtU, Opcode.LtS];
    private static readonly Opcode[] CarryOps = [Opcode.CarryOfAdd, Opcode.OverflowOfAdd, Opcode.LslCarry, Opcode.LsrCarry, Opcode.AsrCarry, Opcode.RorCarry];

    internal static Block RandomBlock(Random rng, bool callOuts = true)
    {
        var block = new Block(0x8000, thumb: false);
        var b = new IrBuilder(block);
        var words = new List<Value>();
        var bools = new List<Value>();
        Value Word() => words.Count == 0 || rng.Next(4) == 0 ? Value.I32(rng.Next(3) == 0 ? (uint)rng.Next(40) : (uint)rng.NextInt64(0, 1L << 32)) : words[rng.Next(words.Count)];
        Value Bool() => bools.Count == 0 || rng.Next(5) == 0 ? Value.Bool(rng.Next(2) == 0) : bools[rng.Next(bools.Count)];
        int reg() => rng.Next(6);
        int count = rng.Next(5, 40);
        for (int k = 0; k < count; k++)
        {
            switch (rng.Next(14))
            {
                case 0: case 1: words.Add(b.GetReg(reg())); break;
                case 2: case 3: b.SetReg(reg(), Word()); break;
                case 4: bools.Add(b.GetFlag((Flag)rng.Next(5))); break;
                case 5: b.SetFlag((Flag)rng.Next(5), Bool()); break;
                case 6: words.Add(b.Emit(BinaryI32[rng.Next(BinaryI32.Length)], Word(), Word())); break;
                case 7: words.Add(b.Emit(UnaryI32[rng.Next(UnaryI32.Length)], Word())); break;
                case 8: bools.Add(b.Emit(FlagOfI32x2[rng.Next(FlagOfI32x2.Length)], Word(), Word())); break;
                case 9: bools.Add(b.Emit(CarryOps[rng.Next(CarryOps.Length)], Word(), Word(), Bool())); break;
                case 10: words.Add(b.Select(Bool(), Word(), Word())); break;
                case 11: words.Add(b.AddWithCarry(Word(), Word(), Bool())); break;
                case 12:
                    if (rng.Next(2) == 0) words.Add(b.Load(1 << rng.Next(3), Value.I32((uint)rng.Next(16))));
                    else b.Store(1 << rng.Next(3), Value.I32((uint)rng.Next(16)), Word());
                    break;
                case 13:
                    if (callOuts && rng.Next(4) == 0) words.Add(b.Emit(Opcode.CallOut, (ulong)rng.Next(16)));
                    else if (rng.Next(2) == 0) { var g = b.GetGE(); b.SetGE(b.And(b.Xor(g, Word()), Value.I32(0xF))); }
                    else bools.Add(b.IsZero(Word()));
                    break;
            }
        }
        b.Terminate(rng.Next(3) switch
        {
            0 => new Jump(0x9000, false),
            1 => new JumpIndirect(Word(), Exchange: true),
            _ => new If(Bool(), new Jump(0xA000, false), new JumpIndirect(Word(), false)),
        });
        return block;
    }

    private static Block Copy(Block block)
    {
        // Rebuild the block instruction by instruction so that passes on one cannot change the other.
        var copy = new Block(block.StartPc, block.Thumb);
        var map = new Dictionary<Inst, Inst>(ReferenceEqualityComparer.Instance);
        Value Map(Value v) => v.Def is { } d ? Value.Of(map[d]) : v;
        foreach (var inst in block.Insts)
        {
            var n = new Inst(inst.Op, inst.Type, inst.Args.Select(Map).ToArray(), inst.Aux);
            map[inst] = n;
            copy.Insts.Add(n);
        }
        Terminal MapT(Terminal t) => t switch
        {
            JumpIndirect j => j with { Target = Map(j.Target) },
            If i => new If(Map(i.Condition), MapT(i.Then), MapT(i.Else)),
            _ => t,
        };
        copy.Terminal = MapT(block.Terminal!);
        return copy;
    }

    [TestCase(PassOptions.All)]
    [TestCase(PassOptions.ConstantFolding)]
    [TestCase(PassOptions.GetSetForwarding)]
    [TestCase(PassOptions.GetSetForwarding | PassOptions.DeadFlagElimination)]
    [TestCase(PassOptions.GetSetForwarding | PassOptions.DeadFlagElimination | PassOptions.DeadCodeElimination)]
    public void RandomBlocksAgreeOptimisedAndNot(PassOptions passes)
    {
        int baseSeed = int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : 1;
        int removed = 0, total = 0;
        for (int n = 0; n < 3000; n++)
        {
            int seed = baseSeed + n;
            var rng = new Random(seed);
            var original = RandomBlock(rng);
            Verifier.Assert(original);
            var optimised = Copy(original);
            Optimizer.Run(optimised, passes);
            Verifier.Assert(optimised);

            var initial = new ReferenceExecutor();
            for (int r = 0; r < 16; r++) initial.Regs[r] = (uint)rng.NextInt64(0, 1L << 32);
            for (int f = 0; f < 5; f++) initial.Flags[f] = (uint)rng.Next(2);
            initial.Ge = (uint)rng.Next(16);
            var x = initial.Clone();
            var y = initial.Clone();
            string exitX = x.Run(original), exitY = y.Run(optimised);
            string context = $"seed {seed}\n--- original\n{IrPrinter.Print(original)}--- optimised\n{IrPrinter.Print(optimised)}";
            Assert.That(exitY, Is.EqualTo(exitX), context);
            Assert.That(y.State, Is.EqualTo(x.State), context);
            Assert.That(y.SyncSnapshots, Is.EqualTo(x.SyncSnapshots), context);
            total += original.Insts.Count;
            removed += original.Insts.Count - optimised.Insts.Count;
        }
        TestContext.Out.WriteLine($"{passes}: removed {removed} of {total} operations ({100.0 * removed / total:F1}%)");
        if (passes != PassOptions.None) Assert.That(removed, Is.GreaterThan(0), "the passes never removed anything");
    }

    [Test]
    public void FlagsOverwrittenBeforeBeingReadAreNeverComputed()
    {
        // ADDS r0, r1, r2 then SUBS r3, r0, #1: the first instruction's C and V die.
        var block = new Block(0, false);
        var b = new IrBuilder(block);
        var r1 = b.GetReg(1);
        var r2 = b.GetReg(2);
        var sum = b.AddWithCarry(r1, r2, Value.Bool(false));
        b.SetReg(0, sum);
        b.SetFlag(Flag.C, b.CarryOfAdd(r1, r2, Value.Bool(false)));
        b.SetFlag(Flag.V, b.OverflowOfAdd(r1, r2, Value.Bool(false)));
        var r0 = b.GetReg(0);
        var notOne = Value.I32(~1u);
        b.SetReg(3, b.AddWithCarry(r0, notOne, Value.Bool(true)));
        b.SetFlag(Flag.C, b.CarryOfAdd(r0, notOne, Value.Bool(true)));
        b.SetFlag(Flag.V, b.OverflowOfAdd(r0, notOne, Value.Bool(true)));
        b.Terminate(new Jump(8, false));
        Optimizer.Run(block);
        var ops = block.Insts.Select(i => i.Op).ToList();
        Assert.That(ops.Count(o => o == Opcode.CarryOfAdd), Is.EqualTo(1), IrPrinter.Print(block));
        Assert.That(ops.Count(o => o == Opcode.OverflowOfAdd), Is.EqualTo(1), IrPrinter.Print(block));
        Assert.That(ops.Count(o => o == Opcode.GetReg), Is.EqualTo(2), IrPrinter.Print(block));
    }
}
