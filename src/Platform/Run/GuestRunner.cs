using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Translator.Backend.Execution;
using Translator.Frontend.A32;
using Translator.Frontend.Lifting;
using Translator.Hypervisor;
using Translator.Hypervisor.Memory;
using Translator.IR;
using Translator.IR.State;
using Translator.Platform.Boards;
using Translator.Platform.Devices;
using Translator.Platform.DeviceTree;
using Translator.Platform.Firmware;
using Translator.Platform.Loaders;
using Translator.Platform.Semihosting;

namespace Translator.Platform.Run;

/// <summary>
/// Runs one guest program on the virt board: loads it, runs the vCPU, serves semihosting, and turns
/// every way the guest can stop into an exit code and, for failures, a report naming the PC, the
/// instruction, the access and the registers.
/// </summary>
public sealed unsafe class GuestRunner(RunOptions options, Stream console, TextWriter report, ILogger log) : IExitHandler
{
    /// <summary>Exit code when the run stops for a reason of Translator's (limits), not the guest's.</summary>
    public const int LimitExitCode = 3;

    private ArmSemihosting? _semihosting;
    private string? _error;
    private string? _dump;
    private int? _exitCode;

    /// <summary>The console's input (the UART's receive line); null leaves the UART with nothing to receive.</summary>
    public Stream? Input { get; init; }

    /// <summary>Whether <see cref="Input"/> is a terminal, to be switched to raw mode for the run.</summary>
    public bool InteractiveInput { get; init; }

    private bool _resetRequested, _quit;

    public RunOutcome Run()
    {
        var kernel = options.Kernel is { } kernelPath ? LoadFile(kernelPath, KernelImage.Load) : null;
        var initrd = options.Initrd is { } initrdPath ? (initrdPath, InitrdImage.Load(initrdPath)) : ((string, byte[])?)null;
        byte[]? firmware = options.Bios is { } bios ? LoadFile(bios, FirmwareLoader.Read) : null;
        using var cancel = options.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        VCpu? current = null;
        using var input = Input is null ? null : new ConsoleInput(Input, InteractiveInput, () => current?.RequestAttention());
        while (true)
        {
            _resetRequested = false;
            var outcome = Boot(kernel, initrd, firmware, input, cancel, cpu => current = cpu);
            // SYSTEM_RESET restarts the board with the same images, as a reboot does.
            if (!_resetRequested || cancel.IsCancellationRequested) return outcome;
            log.LogInformation("restarting the guest (PSCI SYSTEM_RESET)");
        }
    }

    private RunOutcome Boot(KernelImage? kernel, (string, byte[])? initrd, byte[]? firmware, ConsoleInput? input, CancellationTokenSource cancel, Action<VCpu> started)
    {
        using var board = new VirtBoard(new BoardOptions { RamSize = options.RamSize, Drives = options.Drives, Firmware = firmware }, console);
        var ram = board.Ram;
        byte[] dtb = [];
        var layout = kernel is not null
            ? LinuxBootLoader.Load(kernel, initrd, range => dtb = DeviceTree(board, range), board.Map, ram)
            : FirmwareLoader.Load(dtb = DeviceTree(board, null), ram);
        if (options.DumpDtb is { } dumpPath)
        {
            try
            {
                File.WriteAllBytes(dumpPath, dtb);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"--dump-dtb {dumpPath}: {e.Message}");
            }
            report.WriteLine($"translator: device tree written to {dumpPath} ({dtb.Length} bytes)");
            return new RunOutcome(0, null, null);
        }
        uint entry = layout.Entry, imageEnd = layout.ImageEnd;
        // With --icount, what is compiled (and so where a region next checks for interrupts) must not
        // depend on when a background thread finishes, or the run would not repeat exactly.
        var engine = new EngineOptions
        {
            Engine = options.Engine, Passes = options.Passes, MaxRegionBlocks = options.MaxRegionBlocks, BackgroundCompile = !options.CountInstructions,
        };
        using var vm = new Vm(1, board.Map, engine, options.Sensitive, options.CountInstructions);
        var memory = vm.Memory;
        var cpu = vm.Cpu;
        board.Attach(cpu);
        if (input is not null) board.Connect(cpu, input, () => { _quit = true; cancel.Cancel(); });
        cpu.Reset(entry);
        if (layout.LinuxRegisters)
        {
            cpu.State->R[0] = 0;
            cpu.State->R[1] = ~0u;
            cpu.State->R[2] = layout.DtbAddress;
        }
        if (options.Semihosting)
        {
            string program = options.Kernel ?? options.Bios ?? "";
            string cmdline = options.Append.Length > 0 ? $"{program} {options.Append}" : program;
            _semihosting = new ArmSemihosting(memory, console, Console.OpenStandardInput(), cmdline, (imageEnd + 7) & ~7u, ram.Base + ram.Size);
        }
        log.LogInformation("loaded {Kernel}: entry 0x{Entry:x8}, image ends at 0x{End:x8}", options.Kernel ?? options.Bios, entry, imageEnd);
        started(cpu);
        // Console input (or a quit) that came before there was a vCPU to wake is taken now.
        if (input is not null) cpu.RequestAttention();

        var bootTimer = Stopwatch.StartNew();
        bool stopped;
        try
        {
            stopped = cpu.Run(this, options.MaxInstructions, cancel.Token);
        }
        catch (LiftException e)
        {
            _error = $"{e.Message}";
            stopped = true;
            Dump(cpu, e.Pc, e.Word);
        }
        catch (UnsupportedGuestStateException e)
        {
            _error = e.Message;
            stopped = true;
            Dump(cpu, cpu.State->R[15], cpu.Memory.TryFetch(cpu.State->R[15], 4, out uint w) ? w : 0);
        }
        bootTimer.Stop();
        board.Uart.Flush();
        console.Flush();

        if (_quit)
        {
            report.WriteLine("translator: quit (Ctrl-A X)");
            _exitCode ??= 0;
        }
        else if (!stopped)
        {
            _error = cancel.IsCancellationRequested
                ? $"timed out after {options.Timeout!.Value.TotalSeconds:0.###} s (--timeout)"
                : $"stopped after {cpu.State->Retired} instructions (--max-insns)";
            _exitCode = LimitExitCode;
        }
        var figures = Collect(cpu, memory, bootTimer.Elapsed);
        if (options.Statistics) WriteStatistics(figures);
        return new RunOutcome(_exitCode ?? (_error is null ? 0 : 1), _error, _dump) { Figures = figures };
    }

    private static T LoadFile<T>(string path, Func<string, T> load)
    {
        try
        {
            return load(path);
        }
        catch (ImageFormatException e) when (e.File is null)
        {
            throw e.Of(path);
        }
    }

    /// <summary>The DTB the guest is given: the user's (--dtb) or the board's own.</summary>
    private byte[] DeviceTree(VirtBoard board, (uint Start, uint End)? initrd)
    {
        if (options.Dtb is { } path)
        {
            // As QEMU does with -dtb, the user's tree still gets the command line and the initrd.
            var tree = LoadFile(path, file => FdtReader.Read(KernelImage.ReadFile(file)));
            VirtDeviceTree.SetChosen(tree.Root, options.Append, initrd);
            return FdtWriter.Write(tree);
        }
        return VirtDeviceTree.BuildBlob(new VirtDeviceTreeOptions
        {
            RamSize = board.Ram.Size, BootArgs = options.Append, Initrd = initrd, VirtioTransports = board.Virtio.Count, Flash = board.Flash.Count > 0,
        });
    }

    public ExitAction Handle(VCpu cpu, BlockExit exit)
    {
        var s = cpu.State;
        switch (exit.Kind)
        {
            case ExitKind.Exception when exit.Exception == ExceptionKind.SupervisorCall && _semihosting is not null
                                         && exit.Immediate == (exit.Thumb ? ArmSemihosting.ThumbSvc : ArmSemihosting.ArmSvc):
                cpu.Exits.Reclassify(ExitReason.Semihosting);
                s->R[0] = _semihosting.Call(s->R[0], s->R[1]);
                // The lifter left ITSTATE advanced past the SVC, as the exception would.
                s->R[15] = exit.Pc + (exit.Thumb ? 2u : 4u);
                if (_semihosting.ExitCode is { } code)
                {
                    _exitCode = code;
                    return ExitAction.Stop;
                }
                return ExitAction.Resume;
            // The board's firmware owns HVC at PL1 and serves PSCI there, as QEMU's virt does (there is no
            // Hyp mode to take it); at PL0 HVC is UNDEFINED.
            case ExitKind.Exception when exit.Exception == ExceptionKind.HypervisorCall && Modes.IsPrivileged(s->Mode):
                cpu.Exits.Reclassify(ExitReason.Hypercall);
                var outcome = Psci.Call(s, Hypervisor.SystemRegisters.Identification.Mpidr);
                s->R[15] = exit.Pc + 4;
                if (outcome == PsciOutcome.Continue) return ExitAction.Resume;
                log.LogInformation("the guest asked for {Request} through PSCI", outcome == PsciOutcome.PowerOff ? "power-off" : "a reset");
                _resetRequested = outcome == PsciOutcome.Reset;
                _exitCode = 0;
                return ExitAction.Stop;
            case ExitKind.Exception or ExitKind.Abort:
                if (cpu.Forward(exit, out string why)) return ExitAction.Resume;
                if (exit.Kind == ExitKind.Abort) return Fatal(cpu, $"data abort: {exit.FaultReason}, and {why}", exit.Pc);
                if (exit.Exception == ExceptionKind.PrefetchAbort)
                    return Fatal(cpu, $"jump into nowhere: no RAM at 0x{exit.Pc:x8} to fetch an instruction from, and {why}", exit.Pc);
                string reason = exit.FaultReason is { } r && exit.Exception == ExceptionKind.Undefined ? $" ({r})" : "";
                return Fatal(cpu, $"{Describe(exit.Exception)}{reason} at 0x{exit.Pc:x8}, and {why}", exit.Pc);
            case ExitKind.WaitForInterrupt:
                // The vCPU waits for interrupts itself; it gives up only when nothing could ever raise one.
                return Fatal(cpu, $"WFI (resuming at 0x{exit.Pc:x8}) would wait forever: no interrupt is pending and no timer is armed to raise one", exit.Pc);
            case ExitKind.Trap:
                return Fatal(cpu, $"sensitive instruction at 0x{exit.Pc:x8}: {exit.FaultReason ?? "the hypervisor cannot emulate it yet"}", exit.Pc);
            default:
                return Fatal(cpu, $"unexpected exit {exit.Kind} at 0x{exit.Pc:x8}", exit.Pc);
        }
    }

    private static string Describe(ExceptionKind kind) => kind switch
    {
        ExceptionKind.SupervisorCall => "supervisor call (SVC)",
        ExceptionKind.Breakpoint => "breakpoint (BKPT)",
        ExceptionKind.Undefined => "undefined instruction",
        ExceptionKind.HypervisorCall => "hypervisor call (HVC)",
        ExceptionKind.SecureMonitorCall => "secure monitor call (SMC)",
        _ => kind.ToString(),
    };

    private ExitAction Fatal(VCpu cpu, string message, uint pc)
    {
        cpu.Exits.Reclassify(ExitReason.Halt);
        _error = message;
        uint word = cpu.Memory.TryFetch(pc, 4, out uint w) ? w : 0;
        Dump(cpu, pc, word);
        return ExitAction.Stop;
    }

    private void Dump(VCpu cpu, uint pc, uint word)
    {
        var s = cpu.State;
        var sb = new StringBuilder();
        string text = cpu.Memory.TryFetch(pc, 4, out _) ? new A32Disassembler().Disassemble(word, pc).Replace('\t', ' ').Trim() : "(not in RAM)";
        sb.AppendLine(CultureInfo.InvariantCulture, $"  pc   0x{pc:x8}  {word:x8}  {text}");
        for (int r = 0; r < 16; r += 4)
        {
            sb.Append(' ');
            for (int k = r; k < r + 4; k++) sb.Append(CultureInfo.InvariantCulture, $" {AsmName(k),-3} 0x{s->R[k]:x8}");
            sb.AppendLine();
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"  cpsr 0x{s->Cpsr:x8}  retired {s->Retired}");
        _dump = sb.ToString();
    }

    private static string AsmName(int r) => Frontend.Decoding.AsmWriter.RegName(r);

    /// <summary>What the run cost, as rows of figures: what `--stats` prints and `translator compare` sets side by side.</summary>
    private static RunFigures Collect(VCpu cpu, GuestMemory memory, TimeSpan elapsed)
    {
        var st = cpu.Dispatcher.Statistics;
        var cache = cpu.Dispatcher.Cache;
        ulong retired = cpu.State->Retired;
        var tlb = memory.Tlb.Statistics;
        var rows = new List<(string, string)>
        {
            ("guest instructions retired", $"{retired}"),
            ("blocks translated", $"{st.BlocksTranslated} ({st.TranslateSeconds * 1000:F1} ms)"),
            ("blocks compiled", $"{st.BlocksCompiled} ({st.CompileSeconds * 1000:F1} ms), {st.RegionsFormed} regions of {st.RegionBlocks} blocks"),
            ("blocks invalidated", $"{cache.Invalidated}"),
            ("block executions", $"{st.BlockExecutions} (interpreted {st.InterpretedExecutions}, chained {st.ChainedTransfers})"),
            ("cache lookups", $"{cache.Lookups} (jump-cache hits {cache.JumpCacheHits})"),
            ("tlb misses", $"{tlb.Misses} ({tlb.Walks} walks, {tlb.Fills} fills)"),
            ("tlb flushes", $"all {tlb.FlushesAll}, by asid {tlb.FlushesByAsid}, by address {tlb.FlushesByAddress}, domain changes {tlb.DomainFlushes}"),
            ("blocks remapped", $"{st.BlocksRemapped}"),
            ("mmio accesses", $"{memory.MmioAccesses}"),
            ("system-register call-outs", $"{cpu.LoweredSystemRegisterCalls}"),
        };
        foreach (var reason in Enum.GetValues<ExitReason>())
        {
            long count = cpu.Exits.CountOf(reason);
            rows.Add(($"exits: {ExitName(reason)}", count == 0 ? "0" : $"{count} (mean {cpu.Exits.MeanMicroseconds(reason):F2} us)"));
        }
        rows.Add(("run time", $"{elapsed.TotalSeconds:F3} s"));
        rows.Add(("MIPS", $"{retired / Math.Max(elapsed.TotalSeconds, 1e-9) / 1e6:F1}"));
        return new RunFigures(rows);
    }

    private static string ExitName(ExitReason reason) => reason switch
    {
        ExitReason.SensitiveInstruction => "sensitive instruction",
        ExitReason.GuestException => "guest exception",
        ExitReason.Interrupt => "interrupt",
        ExitReason.WaitForInterrupt => "WFI/WFE",
        ExitReason.Semihosting => "semihosting",
        ExitReason.Hypercall => "hypercall",
        ExitReason.StateChange => "state change",
        _ => "halt",
    };

    private void WriteStatistics(RunFigures figures)
    {
        report.WriteLine("--- statistics");
        foreach (var (name, value) in figures.Rows) report.WriteLine($"{name,-30}{value}");
    }
}
