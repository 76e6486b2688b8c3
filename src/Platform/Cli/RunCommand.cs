using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Translator.IR.Passes;
using Translator.Platform.Boards;
using Translator.Platform.Devices;
using Translator.Platform.Loaders;
using Translator.Platform.Run;

namespace Translator.Platform.Cli;

/// <summary><c>translator run</c>: boots a guest program on the virt board.</summary>
internal static class RunCommand
{
    public static Command Create(Option<LogLevel> logLevel, TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptionSet();
        var engine = new EngineOptionSet();
        var command = new Command("run", "Run a guest program");
        engine.AddTo(command);
        options.AddTo(command);
        command.SetAction(result => options.Guard(result, logLevel, stderr, "run", log =>
        {
            var run = engine.Apply(result, options.Bind(result));
            using var console = new BufferedStream(Console.OpenStandardOutput());
            return OnTerminal(run, console, stderr, log);
        }));
        return command;
    }

    /// <summary>
    /// Runs a guest with the terminal as its console (output to <paramref name="console"/>, input from
    /// the host's standard input) and reports how it stopped; returns the exit code.
    /// </summary>
    internal static int OnTerminal(RunOptions run, Stream console, TextWriter stderr, ILogger log)
    {
        // Semihosting programs read the host's input through SYS_READC; everything else, through the UART.
        using var input = run.Semihosting ? null : ConsoleInput.OpenStandardInput();
        var outcome = new GuestRunner(run, console, stderr, log) { Input = input, InteractiveInput = ConsoleInput.IsTerminal }.Run();
        if (outcome.Error is not null)
        {
            stderr.WriteLine($"translator: {(outcome.ExitCode == GuestRunner.LimitExitCode ? "stopped" : "error")}: {outcome.Error}");
            if (outcome.Details is not null) stderr.Write(outcome.Details);
        }
        return outcome.ExitCode;
    }
}

/// <summary>The options that say which guest to run and how, shared by `run` and `compare`.</summary>
internal sealed class RunOptionSet
{
    public Option<string?> Kernel { get; } = new("--kernel") { Description = "Guest kernel or program: a Linux zImage or Image, or an ARM ELF executable" };
    private readonly Option<string?> _bios = new("--bios") { Description = "Firmware (such as U-Boot) for the flash at address 0, started instead of a kernel" };
    private readonly Option<string?> _initrd = new("--initrd") { Description = "Initramfs (cpio archive, possibly compressed) for a Linux kernel" };
    private readonly Option<string[]> _drive = new("--drive")
    {
        Description = "A disk for a virtio-blk device: file=IMG[,readonly] (raw image; writes reach the file). May be repeated",
    };
    private readonly Option<string?> _dumpDtb = new("--dump-dtb") { Description = "Write the device tree the guest would get to FILE and exit without running it" };
    private readonly Option<string?> _dtb = new("--dtb") { Description = "Device tree blob to give the guest instead of the board's own (its /chosen node is still set)" };
    private readonly Option<string> _machine = new("--machine") { Description = "Board to emulate", DefaultValueFactory = _ => "virt" };
    private readonly Option<bool> _semihosting = new("--semihosting") { Description = "Serve ARM semihosting calls (SVC 0x123456)" };
    private readonly Option<string> _memory = new("-m", "--memory") { Description = "RAM size, e.g. 256M, 1G", DefaultValueFactory = _ => "256M" };
    private readonly Option<ulong?> _maxInsns = new("--max-insns") { Description = "Stop after this many guest instructions" };
    private readonly Option<double?> _timeout = new("--timeout") { Description = "Stop after this many seconds" };
    private readonly Option<string> _append = new("--append") { Description = "Command line passed to the guest", DefaultValueFactory = _ => "" };
    private readonly Option<bool> _icount = new("--icount")
    {
        Description = "Guest time follows retired instructions (one 62.5 MHz counter tick per instruction, like QEMU's -icount shift=4), so runs repeat exactly",
    };
    private readonly Option<string[]> _disable = new("--disable")
    {
        Description = "Turn optimisations off, to bisect a miscompilation: " + string.Join(", ", Optimisations.Keys),
        AllowMultipleArgumentsPerToken = true,
    };

    public RunOptionSet()
    {
        _machine.AcceptOnlyFromAmong("virt");
        _disable.AcceptOnlyFromAmong([.. Optimisations.Keys]);
    }

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _machine, Kernel, _bios, _initrd, _dtb, _dumpDtb, _drive, _semihosting, _memory, _maxInsns, _timeout, _icount, _append, _disable })
            command.Options.Add(option);
    }

    /// <summary>
    /// Runs a verb's action with a logger, turning a bad option value or a malformed guest image into a
    /// one-line error and a non-zero exit.
    /// </summary>
    public int Guard(ParseResult result, Option<LogLevel> logLevel, TextWriter stderr, string verb, Func<ILogger, int> action)
    {
        using var loggers = CommandLine.CreateLoggerFactory(result.GetValue(logLevel), stderr);
        try
        {
            return action(loggers.CreateLogger(verb));
        }
        catch (ImageFormatException e)
        {
            return CommandLine.Fail(stderr, $"{e.File ?? result.GetValue(Kernel)}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            return CommandLine.Fail(stderr, e.Message);
        }
    }

    /// <summary>The run the options describe; throws ArgumentException for a value that makes no sense, ImageFormatException never (the file is read later).</summary>
    public RunOptions Bind(ParseResult result)
    {
        string? path = Existing(result.GetValue(Kernel));
        string? bios = Existing(result.GetValue(_bios));
        if (path is null && bios is null) throw new ArgumentException("nothing to run: give --kernel or --bios");
        if (path is not null && bios is not null) throw new ArgumentException("--kernel and --bios together: the firmware would have no way to find the kernel (the board has no fw_cfg); give one");
        if (result.GetValue(_initrd) is not null && path is null) throw new ArgumentException("--initrd needs --kernel");
        RunOptions options = new()
        {
            Kernel = path,
            Bios = bios,
            RamSize = ParseSize(result.GetValue(_memory)!),
            Semihosting = result.GetValue(_semihosting),
            MaxInstructions = result.GetValue(_maxInsns) ?? ulong.MaxValue,
            Timeout = ParseTimeout(result.GetValue(_timeout)),
            Append = result.GetValue(_append)!,
            CountInstructions = result.GetValue(_icount),
            Initrd = Existing(result.GetValue(_initrd)),
            Dtb = Existing(result.GetValue(_dtb)),
            DumpDtb = result.GetValue(_dumpDtb),
            Drives = [.. (result.GetValue(_drive) ?? []).Select(DriveSpec.Parse)],
        };
        foreach (string name in result.GetValue(_disable) ?? [])
            options = Optimisations[name](options);
        return options;
    }

    internal static TimeSpan? ParseTimeout(double? seconds) =>
        seconds is { } t ? (t > 0 ? TimeSpan.FromSeconds(t) : throw new ArgumentException("--timeout must be positive")) : null;

    private static string? Existing(string? path) =>
        path is null || File.Exists(path) ? path : throw new ArgumentException($"{path}: no such file");

    /// <summary>The optimisations --disable can turn off, each as a change to the run's options.</summary>
    private static readonly Dictionary<string, Func<RunOptions, RunOptions>> Optimisations = new()
    {
        ["fold"] = o => o with { Passes = o.Passes & ~PassOptions.ConstantFolding },
        ["forward"] = o => o with { Passes = o.Passes & ~PassOptions.GetSetForwarding },
        ["dead-flags"] = o => o with { Passes = o.Passes & ~PassOptions.DeadFlagElimination },
        ["dce"] = o => o with { Passes = o.Passes & ~PassOptions.DeadCodeElimination },
        ["regions"] = o => o with { MaxRegionBlocks = 1 },
    };

    /// <summary>Parses 256M, 1G, 65536K or a byte count into a RAM size the board accepts.</summary>
    internal static uint ParseSize(string text)
    {
        string t = text.Trim().ToUpperInvariant();
        ulong unit = 1;
        if (t.EndsWith('K')) { unit = 1UL << 10; t = t[..^1]; }
        else if (t.EndsWith('M')) { unit = 1UL << 20; t = t[..^1]; }
        else if (t.EndsWith('G')) { unit = 1UL << 30; t = t[..^1]; }
        if (!ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) || n == 0)
            throw new ArgumentException($"-m: '{text}' is not a memory size (such as 256M or 1G)");
        ulong bytes = n * unit;
        if (bytes > VirtBoard.MaxRamSize || bytes % 4096 != 0)
            throw new ArgumentException($"-m: {text} must be a multiple of 4K and at most {VirtBoard.MaxRamSize >> 30}G");
        return (uint)bytes;
    }
}
