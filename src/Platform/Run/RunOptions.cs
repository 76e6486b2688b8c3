using Translator.Backend.Execution;
using Translator.Frontend.Lifting;

namespace Translator.Platform.Run;

/// <summary>Everything `translator run` was asked to do.</summary>
public sealed record RunOptions
{
    /// <summary>The kernel or program; null when firmware (<see cref="Bios"/>) is all the guest gets.</summary>
    public string? Kernel { get; init; }
    /// <summary>An initramfs (or initrd image) for a Linux kernel.</summary>
    public string? Initrd { get; init; }
    /// <summary>A device tree blob to give the guest instead of the board's own.</summary>
    public string? Dtb { get; init; }
    public IReadOnlyList<Boards.DriveOption> Drives { get; init; } = [];
    /// <summary>Write the device tree the guest would get to this file and stop before running anything (--dump-dtb).</summary>
    public string? DumpDtb { get; init; }
    /// <summary>Firmware for the flash at address 0, started instead of the kernel (--bios).</summary>
    public string? Bios { get; init; }
    public uint RamSize { get; init; } = Boards.VirtBoard.DefaultRamSize;
    public bool Semihosting { get; init; }
    public EngineKind Engine { get; init; } = EngineKind.Jit;
    public SensitiveMode Sensitive { get; init; } = SensitiveMode.Translate;
    public ulong MaxInstructions { get; init; } = ulong.MaxValue;
    public TimeSpan? Timeout { get; init; }
    public bool Statistics { get; init; }
    /// <summary>Guest time follows retired instructions (one counter tick, 16 ns, per instruction), so runs repeat exactly.</summary>
    public bool CountInstructions { get; init; }
    public string Append { get; init; } = "";
    public IR.Passes.PassOptions Passes { get; init; } = IR.Passes.PassOptions.All;
    /// <summary>Blocks a hot region may hold; 1 compiles every block on its own.</summary>
    public int MaxRegionBlocks { get; init; } = new EngineOptions().MaxRegionBlocks;
}

/// <summary>How a run ended: the process exit code, and for a failure its message and the register dump that goes with it.</summary>
public sealed record RunOutcome(int ExitCode, string? Error, string? Details)
{
    /// <summary>What the run cost; null when it never started.</summary>
    public RunFigures? Figures { get; init; }
}

/// <summary>A run's figures as named rows, in the order they are printed.</summary>
public sealed record RunFigures(IReadOnlyList<(string Name, string Value)> Rows);
