using Translator.Backend.Compiler;
using Translator.Backend.Execution;
using Translator.IR;
using Translator.IR.Passes;
using Translator.IR.State;
using Translator.IR.Tests;

namespace Translator.Backend.Tests;

/// <summary>
/// The two engines agree on every block: random IR blocks (optimised and not), run by the IR
/// interpreter and by the compiled DynamicMethod from the same state and memory, leave the same
/// state, memory and exit. Call-outs are left out: their targets are bound when the hypervisor
/// layer registers them.
/// </summary>
public sealed unsafe class InterpreterVsCompilerTests
{
    private static Block MemoryBlock(Random rng)
    {
        var block = new Block(0x1000, thumb: false);
        var b = new IrBuilder(block);
        var words = new List<Value> { b.GetReg(0) };
        var kinds = new[] { MemoryAccess.None, MemoryAccess.None, MemoryAccess.Unprivileged, MemoryAccess.Aligned };
        for (int k = 0; k < rng.Next(3, 25); k++)
        {
            b.Emit(Opcode.Mark, (ulong)(0x1000 + 4 * k));
            // Addresses: inside RAM (fast and slow pages, aligned or not, crossing pages) and, rarely, outside it.
            uint address = rng.Next(30) == 0 ? 0x0010_0000u + (uint)rng.Next(64) : (uint)rng.Next(FlatMemory.Bytes - 8);
            if (rng.Next(3) == 0) address = (address & ~0xFFFu) | (uint)(0xFF8 + rng.Next(8));
            var addr = Value.I32(address);
            var access = kinds[rng.Next(kinds.Length)];
            int size = 1 << rng.Next(4);
            switch (rng.Next(6))
            {
                case 0 or 1:
                    var loaded = b.Load(size, addr, access);
                    words.Add(size == 8 ? b.Emit(Opcode.Lo32, loaded) : loaded);
                    break;
                case 2 or 3:
                    var value = words[rng.Next(words.Count)];
                    b.Store(size, addr, size == 8 ? b.Emit(Opcode.Pack64, value, words[rng.Next(words.Count)]) : value, access);
                    break;
                case 4:
                    words.Add(b.Emit((Opcode)((int)Opcode.LoadExclusive8 + rng.Next(3)), 0, Value.I32(address & ~7u)));
                    break;
                default:
                    words.Add(b.Emit((Opcode)((int)Opcode.StoreExclusive8 + rng.Next(3)), 0, Value.I32(address & ~7u), words[rng.Next(words.Count)]));
                    break;
            }
            b.SetReg(rng.Next(8), words[^1]);
        }
        b.Terminate(new JumpIndirect(words[rng.Next(words.Count)], Exchange: true));
        block.GuestInstructions = 3;
        return block;
    }

    private static (string State, byte[] Memory, string Exit) Run(Block block, bool compiled, int seed)
    {
        var rng = new Random(seed);
        var state = new CpuState();
        for (int r = 0; r < 16; r++) state.R[r] = (uint)rng.NextInt64(0, 1L << 32);
        state.N = (uint)rng.Next(2); state.Z = (uint)rng.Next(2); state.C = (uint)rng.Next(2); state.V = (uint)rng.Next(2);
        state.GE = (uint)rng.Next(16);
        state.ExclusiveOpen = (uint)rng.Next(2);
        state.ExclusiveAddress = (uint)rng.Next(FlatMemory.Bytes) & ~7u;
        using var memory = new FlatMemory(seed);
        state.Tlb = (nint)memory.Tlb.Entries;
        var exit = new BlockExit();
        ExitKind kind = compiled
            ? new IlCompiler().Compile(block)(&state, memory, exit)
            : new Interpreter.Interpreter().Run(block, &state, memory, exit);
        var regValues = new uint[16];
        for (int r = 0; r < 16; r++) regValues[r] = state.R[r];
        string regs = string.Join(",", regValues.Select(r => r.ToString("x")));
        string text = $"{regs} nzcvq {state.N}{state.Z}{state.C}{state.V}{state.Q} ge {state.GE:x} t {state.T} excl {state.ExclusiveOpen}/{state.ExclusiveAddress:x} retired {state.Retired}";
        string exitText = $"{kind} {exit.Kind} pc {exit.Pc:x} fault {exit.FaultAddress:x} {exit.FaultIsWrite}";
        return (text, memory.Snapshot(), exitText);
    }

    [Test]
    public void RandomBlocksAgree([Values(false, true)] bool optimise, [Values(false, true)] bool memoryHeavy)
    {
        int baseSeed = int.TryParse(Environment.GetEnvironmentVariable("TRANSLATOR_SEED"), out int s) ? s : 11;
        for (int n = 0; n < 400; n++)
        {
            int seed = baseSeed + n;
            var rng = new Random(seed);
            var block = memoryHeavy ? MemoryBlock(rng) : OptimizerPropertyTests.RandomBlock(rng, callOuts: false);
            if (rng.Next(3) == 0) { block.Condition = (byte)rng.Next(15); block.ConditionFailedTarget = 0x2000; }
            if (optimise) Optimizer.Run(block);
            Verifier.Assert(block);
            var interpreted = Run(block, compiled: false, seed);
            var compiled = Run(block, compiled: true, seed);
            string context = $"seed {seed}\n{IrPrinter.Print(block)}";
            Assert.That(compiled.Exit, Is.EqualTo(interpreted.Exit), context);
            Assert.That(compiled.State, Is.EqualTo(interpreted.State), context);
            Assert.That(compiled.Memory, Is.EqualTo(interpreted.Memory), context);
        }
    }
}
