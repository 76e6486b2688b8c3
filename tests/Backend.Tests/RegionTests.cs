using Translator.Backend.Execution;
using Translator.IR;
using Translator.IR.State;

namespace Translator.Backend.Tests;

/// <summary>
/// Hot loops compiled as regions: the blocks of a loop become one method, and that method still
/// returns to the dispatcher when the instruction budget is spent, with the state the interpreter
/// would have left.
/// </summary>
public sealed unsafe class RegionTests
{
    /// <summary>
    /// Two blocks: 0x1000 adds 1 to r0 and continues at 0x1008; 0x1008 adds r0 to r1 and jumps back
    /// to 0x1000 while r0 differs from r2, else leaves for 0x2000 (a block that raises UDF).
    /// </summary>
    private sealed class LoopSource : IBlockSource
    {
        public Block Translate(BlockKey key, out CodeOrigin origin)
        {
            origin = CodeOrigin.Flat(key.Pc, key.Pc + 16);
            var block = new Block(key.Pc, thumb: false);
            var b = new IrBuilder(block);
            switch (key.Pc)
            {
                case 0x1000:
                    b.SetReg(0, b.Add(b.GetReg(0), Value.I32(1)));
                    block.GuestInstructions = 2;
                    block.EndPc = 0x1008;
                    b.Terminate(new Jump(0x1008, false));
                    break;
                case 0x1008:
                    var r0 = b.GetReg(0);
                    b.SetReg(1, b.Add(b.GetReg(1), r0));
                    block.GuestInstructions = 2;
                    block.EndPc = 0x1010;
                    b.Terminate(new If(b.Emit(Opcode.Eq, r0, b.GetReg(2)), new Jump(0x2000, false), new Jump(0x1000, false)));
                    break;
                default:
                    block.GuestInstructions = 1;
                    block.EndPc = key.Pc + 4;
                    b.Terminate(new RaiseException(ExceptionKind.Undefined, key.Pc, 0));
                    break;
            }
            return block;
        }
    }

    private static (CpuState State, ExitKind Exit, EngineStatistics Stats) Run(EngineKind engine, uint iterations, ulong budget)
    {
        using var memory = new FlatMemory(1);
        using var dispatcher = new Dispatcher(new LoopSource(), new EngineOptions { Engine = engine, CompileThreshold = 4, BackgroundCompile = false });
        var state = new CpuState();
        state.R[15] = 0x1000;
        state.R[2] = iterations;
        var exit = new BlockExit();
        var kind = dispatcher.Run(&state, memory, exit, budget);
        return (state, kind, dispatcher.Statistics);
    }

    [Test]
    public void LoopCompiledAsOneRegionGivesTheInterpretersResult()
    {
        var interpreted = Run(EngineKind.Interpreter, 10_000, ulong.MaxValue);
        var compiled = Run(EngineKind.Jit, 10_000, ulong.MaxValue);
        Assert.That(compiled.Stats.RegionsFormed, Is.GreaterThan(0), "the loop was not compiled as a region");
        Assert.That(compiled.Stats.BlockExecutions, Is.LessThan(100), "the compiled loop went back to the dispatcher on every iteration");
        Assert.That(compiled.Exit, Is.EqualTo(ExitKind.Exception));
        Assert.That(compiled.State.R[0], Is.EqualTo(10_000u));
        Assert.That(compiled.State.R[1], Is.EqualTo(interpreted.State.R[1]));
        Assert.That(compiled.State.R[15], Is.EqualTo(0x2000u));
        Assert.That(compiled.State.Retired, Is.EqualTo(interpreted.State.Retired));
    }

    [TestCase(EngineKind.Interpreter)]
    [TestCase(EngineKind.Jit)]
    public void LoopReturnsWhenTheBudgetIsSpent(EngineKind engine)
    {
        const ulong budget = 5_001;
        var (state, exit, _) = Run(engine, uint.MaxValue, budget);
        Assert.That(exit, Is.EqualTo(ExitKind.Continue));
        // A region checks the budget on its backward edges, so it overshoots by less than one trip
        // around the loop (4 instructions).
        Assert.That(state.Retired, Is.InRange(budget, budget + 3));
        Assert.That(state.R[15], Is.EqualTo(0x1000u).Or.EqualTo(0x1008u));
        // The registers written back describe the same point as PC and the retired count: two instructions per r0 step.
        Assert.That((ulong)state.R[0] * 4, Is.InRange(state.Retired - 2, state.Retired + 2));
    }
}
