using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.Memory;
using Translator.IR;
using Translator.IR.Semantics;
using Translator.Oracles;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// Runs one random A32 or Thumb sequence from one random state on Unicorn and on Translator (one
/// engine), and describes every difference in registers, flags, memory or how the run ended.
/// </summary>
internal sealed unsafe class UnicornDifferential : IDisposable
{
    /// <summary>Far above the data window, so random stores do not modify the code being compared.</summary>
    public const uint CodeBase = 0x3E000;
    public const uint DataBase = 0x10000;
    public const uint DataSize = 0x20000;
    public const uint MemorySize = 0x40000;

    // A fresh Unicorn per run: it keeps translations of code rewritten in place.
    private Unicorn _unicorn = new();

    /// <summary>Executions before the jit engine compiles a block (0: before its first run; more lets hot loops form regions).</summary>
    public int CompileThreshold { get; init; }

    /// <summary>How sensitive instructions run: translated inline (the default) or trapping to the hypervisor's emulation.</summary>
    public SensitiveMode Sensitive { get; init; } = SensitiveMode.Translate;

    /// <summary>Runs whose code ran to its end on both sides (the others ended at the same fault).</summary>
    public int Completed { get; private set; }

    /// <summary>Regions the jit engine compiled over all runs (hot blocks compiled with their successors).</summary>
    public long RegionsFormed { get; private set; }

    /// <summary>Runs skipped because the sequence overwrote its own code.</summary>
    public int SelfModifying { get; private set; }

    /// <summary>
    /// Thumb runs not compared because Unicorn reported a data abort inside an IT block late: it goes
    /// on to the end of the block before stopping, where Translator (and the ARM ARM) stop at the
    /// faulting access.
    /// </summary>
    public int LateFaultsInItBlocks { get; private set; }

    /// <summary>Translator resumes after each SVC as a handler that returns at once would (ITSTATE as the exception left it).</summary>
    public bool ResumeAfterSupervisorCall { get; init; }

    /// <param name="Code">A32 words, or Thumb instructions (a halfword, or hw1:hw2 for a 32-bit one) when <paramref name="Thumb"/>.</param>
    /// <param name="Budget">Instructions Unicorn may execute (0: one pass over the code); a sequence with loops needs more.</param>
    /// <param name="Vfp">The floating-point registers to start from (null: all zero, the VFP disabled as after reset).</param>
    /// <param name="OracleCode">What Unicorn runs instead of <paramref name="Code"/> (a supervisor call replaced by a NOP), when Translator resumes after SVCs.</param>
    public sealed record Setup(uint[] Code, uint[] Registers, uint Cpsr, byte[] Data, int Budget = 0, bool Thumb = false, uint[]? OracleCode = null, VfpState? Vfp = null)
    {
        /// <summary>The address of each instruction, and (last) of the UDF that ends the sequence.</summary>
        public uint[] Addresses()
        {
            var addresses = new uint[Code.Length + 1];
            uint a = CodeBase;
            for (int k = 0; k < Code.Length; k++)
            {
                addresses[k] = a;
                a += !Thumb ? 4u : Code[k] > 0xFFFF ? 4u : 2u;
            }
            addresses[^1] = a;
            return addresses;
        }

        public uint End => Addresses()[^1];
    }

    /// <summary>D0–D31, FPSCR and FPEXC.</summary>
    public sealed record VfpState(ulong[] D, uint Fpscr, uint Fpexc)
    {
        public static readonly VfpState Reset = new(new ulong[32], 0, 0);

        /// <summary>Random registers (some of them VfpOperands' awkward values) in a random FPSCR mode with random cumulative flags, the VFP enabled.</summary>
        public static VfpState Random(Random rng) =>
            new(VfpOperands.Registers(rng), VfpOperands.Fpscr(rng), VfpSystem.FpexcEnable);
    }

    private static readonly ushort[] BoundaryHalves = [0x0000, 0x0001, 0x7FFE, 0x7FFF, 0x8000, 0x8001, 0xFFFF];

    /// <summary>
    /// Never 0x80008000: SMLAD of two such words multiplies (-2^15)^2 twice, and the 2^31 that sums to
    /// overflows before the accumulator is added. Unicorn 2.0.1 then sets Q whatever the accumulator;
    /// the ARM ARM (and QEMU 7.2) sets it only when the exact sum does not fit. The guest program
    /// multiplyq checks that case against QEMU 7.2.
    /// </summary>
    private static uint BoundaryHalfwords(Random rng)
    {
        while (true)
        {
            uint word = (uint)BoundaryHalves[rng.Next(BoundaryHalves.Length)] << 16 | BoundaryHalves[rng.Next(BoundaryHalves.Length)];
            if (word != 0x8000_8000) return word;
        }
    }

    /// <param name="inDataQuarters">How many registers in four point into the data window.</param>
    public static Setup RandomSetup(Random rng, uint[] code, int inDataQuarters = 2)
    {
        var regs = new uint[15];
        for (int r = 0; r < 15; r++)
        {
            // Half the registers point into the data window so loads and stores mostly land in memory,
            // half of those doubleword-aligned so that the exclusives, which must be aligned, often get
            // past their alignment check.
            uint inData = DataBase + 0x100 + (uint)rng.Next((int)DataSize - 0x200);
            // Of the others, some are small, some are made of boundary halfwords (uniform values almost
            // never make the multiplies and saturating operations overflow).
            regs[r] = rng.Next(4) < inDataQuarters
                ? (rng.Next(2) == 0 ? inData & ~7u : inData)
                : rng.Next(4) switch
                {
                    0 => (uint)rng.Next(64),
                    1 => BoundaryHalfwords(rng),
                    _ => (uint)rng.NextInt64(0, 1L << 32),
                };
        }
        uint flags = (uint)rng.Next(32) << 27 | (uint)rng.Next(16) << 16;
        var data = new byte[DataSize];
        rng.NextBytes(data);
        return new Setup(code, regs, 0x1D3 | flags, data, Vfp: VfpState.Random(rng));
    }

    public string? Compare(Setup setup, EngineKind engine)
    {
        var expected = RunUnicorn(setup.OracleCode is { } oracle ? setup with { Code = oracle } : setup);
        // A sequence that stored over its own code without cache maintenance has no single architected
        // result (when the change takes effect is not defined); such runs are counted, not compared.
        var code = Code(setup.OracleCode is { } replaced ? setup with { Code = replaced } : setup);
        if (!_unicorn.Read(CodeBase, code.Length).AsSpan().SequenceEqual(code))
        {
            SelfModifying++;
            return null;
        }
        var actual = RunTranslator(setup, engine);
        if (setup.Thumb && LateFaultInItBlock(setup, expected.Ended, actual.Ended))
        {
            LateFaultsInItBlocks++;
            return null;
        }
        var diffs = new List<string>();
        if (expected.Ended != actual.Ended) diffs.Add($"ended: unicorn {expected.Ended}, translator {actual.Ended}");
        ushort unknown = expected.Ended == actual.Ended ? UnknownAfterAbort(setup, expected.Ended) : (ushort)0;
        for (int r = 0; r < 15; r++)
            if (expected.Registers[r] != actual.Registers[r] && (unknown & (1 << r)) == 0) diffs.Add($"r{r}: unicorn {expected.Registers[r]:x8}, translator {actual.Registers[r]:x8}");
        if ((expected.Cpsr & 0xF80F_0000) != (actual.Cpsr & 0xF80F_0000)) diffs.Add($"cpsr flags: unicorn {expected.Cpsr:x8}, translator {actual.Cpsr:x8}");
        for (int d = 0; d < 32; d++)
            if (expected.Vfp.D[d] != actual.Vfp.D[d]) diffs.Add($"d{d}: unicorn {expected.Vfp.D[d]:x16}, translator {actual.Vfp.D[d]:x16}");
        if (expected.Vfp.Fpscr != actual.Vfp.Fpscr) diffs.Add($"fpscr: unicorn {expected.Vfp.Fpscr:x8}, translator {actual.Vfp.Fpscr:x8}");
        if (expected.Vfp.Fpexc != actual.Vfp.Fpexc) diffs.Add($"fpexc: unicorn {expected.Vfp.Fpexc:x8}, translator {actual.Vfp.Fpexc:x8}");
        for (int k = 0; k < expected.Data.Length; k++)
        {
            if (expected.Data[k] == actual.Data[k]) continue;
            diffs.Add($"memory 0x{DataBase + k:x}: unicorn {expected.Data[k]:x2}, translator {actual.Data[k]:x2}");
            break;
        }
        if (diffs.Count == 0 && expected.Ended == "completed") Completed++;
        return diffs.Count == 0 ? null : string.Join("\n", diffs);
    }

    /// <summary>
    /// The registers the ARM ARM leaves UNKNOWN when a load of several registers aborts part-way (LDM:
    /// those in the list but the base; LDRD and LDREXD: both destinations). Unicorn writes each as it
    /// loads it, Translator none, and both are right.
    /// </summary>
    private static ushort UnknownAfterAbort(Setup setup, string ended)
    {
        if (!ended.StartsWith("fault at ", StringComparison.Ordinal)) return 0;
        uint pc = Convert.ToUInt32(ended["fault at ".Length..], 16);
        int index = Array.IndexOf(setup.Addresses(), pc);
        if (index < 0 || index >= setup.Code.Length) return 0;
        uint word = setup.Code[index];
        var insn = !setup.Thumb ? Frontend.A32.A32Table.CortexA15.Decode(word)
            : Frontend.Thumb.ThumbTable.CortexA15.Decode(word, default);
        return insn.Op switch
        {
            Frontend.Decoding.Op.Ldm or Frontend.Decoding.Op.Ldmda or Frontend.Decoding.Op.Ldmdb or Frontend.Decoding.Op.Ldmib or Frontend.Decoding.Op.Pop
                => (ushort)(insn.RegList & ~(1 << (insn.Op == Frontend.Decoding.Op.Pop ? 13 : insn.Rn))),
            Frontend.Decoding.Op.Ldrd or Frontend.Decoding.Op.Ldrexd => (ushort)(3 << insn.Rt),
            _ => 0,
        };
    }

    /// <summary>Both runs faulted, Translator inside an IT block and Unicorn after it, no later than the block's end.</summary>
    private static bool LateFaultInItBlock(Setup setup, string expected, string actual)
    {
        const string prefix = "fault at ";
        if (!expected.StartsWith(prefix, StringComparison.Ordinal) || !actual.StartsWith(prefix, StringComparison.Ordinal)) return false;
        uint late = Convert.ToUInt32(expected[prefix.Length..], 16), at = Convert.ToUInt32(actual[prefix.Length..], 16);
        if (late <= at) return false;
        var addresses = setup.Addresses();
        var it = ThumbSequences.ItStates(setup.Code);
        int k = Array.IndexOf(addresses, at);
        if (k < 0 || k == setup.Code.Length || !it[k].InBlock) return false;
        // The address after the block's last instruction.
        int end = k + 1;
        while (end < setup.Code.Length && it[end].InBlock) end++;
        return late <= addresses[end];
    }

    private sealed record Outcome(string Ended, uint[] Registers, uint Cpsr, byte[] Data, VfpState Vfp);

    private Outcome RunUnicorn(Setup s)
    {
        var code = Code(s);
        _unicorn.Dispose();
        _unicorn = new Unicorn();
        _unicorn.Map(0, MemorySize);
        _unicorn.Write(CodeBase, code);
        _unicorn.Write(DataBase, s.Data);
        // The mode first, so that the registers land in its bank.
        _unicorn.SetReg(Unicorn.Reg.Cpsr, s.Cpsr);
        for (int r = 0; r < 15; r++) _unicorn.SetReg(Unicorn.Reg.R(r), s.Registers[r]);
        var vfp = s.Vfp ?? VfpState.Reset;
        for (int d = 0; d < 32; d++) _unicorn.SetReg64(Unicorn.Reg.D(d), vfp.D[d]);
        _unicorn.SetReg(Unicorn.Reg.Fpscr, vfp.Fpscr);
        _unicorn.SetReg(Unicorn.Reg.Fpexc, vfp.Fpexc);
        uint end = s.End;
        int err = _unicorn.Run(CodeBase | (s.Thumb ? 1u : 0u), end, s.Budget > 0 ? s.Budget : s.Code.Length);
        uint pc = _unicorn.GetReg(Unicorn.Reg.Pc);
        string ended = err == 0 ? (pc == end ? "completed" : $"stopped at {pc:x}") : $"fault at {pc:x}";
        var regs = new uint[15];
        for (int r = 0; r < 15; r++) regs[r] = _unicorn.GetReg(Unicorn.Reg.R(r));
        var after = new VfpState([.. Enumerable.Range(0, 32).Select(d => _unicorn.GetReg64(Unicorn.Reg.D(d)))],
            _unicorn.GetReg(Unicorn.Reg.Fpscr), _unicorn.GetReg(Unicorn.Reg.Fpexc));
        return new Outcome(ended, regs, _unicorn.GetReg(Unicorn.Reg.Cpsr), _unicorn.Read(DataBase, (int)DataSize), after);
    }

    private Outcome RunTranslator(Setup s, EngineKind engine)
    {
        var map = new PhysicalMap();
        using var ram = new Ram(0, MemorySize);
        map.AddRam(ram);
        s.Data.CopyTo(ram.Span(DataBase, (int)DataSize));
        var code = Code(s);
        code.CopyTo(ram.Span(CodeBase, code.Length));
        using var memory = new GuestMemory(map);
        using var cpu = new VCpu(memory, new EngineOptions { Engine = engine, CompileThreshold = CompileThreshold, BackgroundCompile = false }, Sensitive);
        cpu.Reset(CodeBase | (s.Thumb ? 1u : 0u));
        cpu.State->Cpsr = s.Cpsr;
        for (int r = 0; r < 15; r++) cpu.State->R[r] = s.Registers[r];
        var vfp = s.Vfp ?? VfpState.Reset;
        for (int d = 0; d < 32; d++) cpu.State->D[d] = vfp.D[d];
        cpu.State->Fpscr = vfp.Fpscr;
        cpu.State->Fpexc = vfp.Fpexc;
        // Unicorn starts with the floating-point coprocessors accessible (CPACR), as a kernel leaves them.
        cpu.State->Cpacr = VfpSystem.CpacrFullAccess;
        uint end = s.End;
        var handler = new StopAtEnd(end, ResumeAfterSupervisorCall);
        try
        {
            cpu.Run(handler, 100_000);
        }
        catch (Frontend.Lifting.LiftException e)
        {
            handler.Ended = "translator stopped: " + e.Message;
        }
        RegionsFormed += cpu.Dispatcher.Statistics.RegionsFormed;
        var regs = new uint[15];
        for (int r = 0; r < 15; r++) regs[r] = cpu.State->R[r];
        var after = new VfpState([.. Enumerable.Range(0, 32).Select(d => cpu.State->D[d])], cpu.State->Fpscr, cpu.State->Fpexc);
        return new Outcome(handler.Ended ?? "unknown", regs, cpu.State->Cpsr, ram.Span(DataBase, (int)DataSize).ToArray(), after);
    }

    /// <summary>The sequence is followed by UDF: reaching it is completion; any other exit is a fault at its PC.</summary>
    private sealed class StopAtEnd(uint end, bool resumeAfterSvc) : IExitHandler
    {
        public string? Ended;

        public ExitAction Handle(VCpu cpu, BlockExit exit)
        {
            if (resumeAfterSvc && exit.Kind == ExitKind.Exception && exit.Exception == ExceptionKind.SupervisorCall)
            {
                cpu.State->R[15] = exit.Pc + (exit.Thumb ? 2u : 4u);
                return ExitAction.Resume;
            }
            Ended = exit.Kind == ExitKind.Exception && exit.Exception == ExceptionKind.Undefined && exit.Pc == end
                ? "completed"
                : $"fault at {exit.Pc:x}";
            return ExitAction.Stop;
        }
    }

    /// <summary>The sequence as bytes, followed by UDF #0 (a 32-bit Thumb instruction is hw1 then hw2).</summary>
    private static byte[] Code(Setup s)
    {
        var bytes = new List<byte>();
        foreach (uint w in s.Code)
        {
            if (!s.Thumb) bytes.AddRange(BitConverter.GetBytes(w));
            else if (w > 0xFFFF) { bytes.AddRange(BitConverter.GetBytes((ushort)(w >> 16))); bytes.AddRange(BitConverter.GetBytes((ushort)w)); }
            else bytes.AddRange(BitConverter.GetBytes((ushort)w));
        }
        bytes.AddRange(s.Thumb ? BitConverter.GetBytes((ushort)0xDE00) : BitConverter.GetBytes(0xE7F000F0u));
        return [.. bytes];
    }

    public void Dispose() => _unicorn.Dispose();
}
