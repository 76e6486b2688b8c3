namespace Translator.IR;

/// <summary>How a block ends: where control goes next, or why it leaves translated code.</summary>
public abstract record Terminal;

/// <summary>
/// Continue at a known guest address (a direct branch or the next instruction), in Thumb state with
/// ITSTATE <see cref="It"/> (nonzero when a Thumb block ends inside an IT block).
/// </summary>
public sealed record Jump(uint Target, bool Thumb, byte It = 0) : Terminal;

/// <summary>Continue at a computed address. With <see cref="Exchange"/> bit 0 selects Thumb state (BX, BLX, POP {pc}, LDR pc).</summary>
public sealed record JumpIndirect(Value Target, bool Exchange) : Terminal;

/// <summary>Choose between two terminals on a condition computed in the block (a conditional branch).</summary>
public sealed record If(Value Condition, Terminal Then, Terminal Else) : Terminal;

/// <summary>The kinds of exception an instruction raises itself.</summary>
public enum ExceptionKind : byte { SupervisorCall, Breakpoint, Undefined, HypervisorCall, SecureMonitorCall, PrefetchAbort }

/// <summary>Raise an exception at the instruction at <see cref="Pc"/> (SVC, BKPT, UDF, an undefined encoding, a fetch that faulted).</summary>
public sealed record RaiseException(ExceptionKind Kind, uint Pc, uint Immediate) : Terminal;

/// <summary>A sensitive instruction in trap mode: leave translated code so the hypervisor emulates the word at <see cref="Pc"/>.</summary>
public sealed record Trap(uint Word, uint Pc, bool Thumb) : Terminal;

/// <summary>Return to the dispatcher, continuing at <see cref="NextPc"/> (after a change the block cannot follow, such as a mode switch).</summary>
public sealed record ReturnToDispatcher(uint NextPc, bool Thumb) : Terminal;

/// <summary>Continue wherever the state's R15 and T now say (a call-out such as an exception return has set them).</summary>
public sealed record ContinueAtState : Terminal;

/// <summary>Wait for an interrupt (WFI, WFE), then continue at <see cref="NextPc"/>.</summary>
public sealed record WaitForInterrupt(uint NextPc, bool Thumb) : Terminal;
