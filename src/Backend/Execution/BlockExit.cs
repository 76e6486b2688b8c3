using Translator.IR;

namespace Translator.Backend.Execution;

/// <summary>Why a block handed control back to the dispatcher.</summary>
public enum ExitKind : byte
{
    /// <summary>Continue at R15 (and CPSR.T): an ordinary branch or fall-through.</summary>
    Continue,
    /// <summary>The block raised an exception (SVC, BKPT, UDF, undefined instruction).</summary>
    Exception,
    /// <summary>A sensitive instruction in trap mode; the hypervisor emulates it.</summary>
    Trap,
    /// <summary>Return to the dispatcher after a change the block cannot follow.</summary>
    Dispatcher,
    /// <summary>WFI/WFE.</summary>
    WaitForInterrupt,
    /// <summary>A memory access faulted; the fault is in <see cref="BlockExit.FaultAddress"/>.</summary>
    Abort,
    /// <summary>Between blocks: an unmasked interrupt line or a timer asks the hypervisor to act (<see cref="IR.State.CpuState.Pending"/>).</summary>
    Interrupt,
}

/// <summary>The details of a block's exit, filled by whichever engine ran it.</summary>
public sealed class BlockExit
{
    public ExitKind Kind;
    public ExceptionKind Exception;
    /// <summary>The address of the instruction that raised the exception, trapped or faulted.</summary>
    public uint Pc;
    public uint Immediate;
    public uint Word;
    public bool Thumb;
    public uint FaultAddress;
    public bool FaultIsWrite;
    /// <summary>The fault's status as the DFSR reports it (FS and domain; WnR comes from <see cref="FaultIsWrite"/>).</summary>
    public uint FaultStatus;
    public string? FaultReason;
}
