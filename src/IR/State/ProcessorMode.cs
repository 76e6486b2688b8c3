namespace Translator.IR.State;

/// <summary>CPSR.M values of ARMv7-A (the Security and Virtualization modes included for completeness).</summary>
public enum ProcessorMode : byte
{
    User = 0x10,
    Fiq = 0x11,
    Irq = 0x12,
    Supervisor = 0x13,
    Monitor = 0x16,
    Abort = 0x17,
    Hyp = 0x1A,
    Undefined = 0x1B,
    System = 0x1F,
}

/// <summary>Which bank of R13, R14 and SPSR a mode uses, and whether it is privileged.</summary>
public static class Modes
{
    public const int BankCount = 8;

    /// <summary>Bank index: 0 User/System, 1 FIQ, 2 IRQ, 3 Supervisor, 4 Abort, 5 Undefined, 6 Monitor, 7 Hyp; -1 for an invalid mode.</summary>
    public static int Bank(uint mode) => (mode & 0x1F) switch
    {
        0x10 or 0x1F => 0,
        0x11 => 1,
        0x12 => 2,
        0x13 => 3,
        0x17 => 4,
        0x1B => 5,
        0x16 => 6,
        0x1A => 7,
        _ => -1,
    };

    public static bool IsValid(uint mode) => Bank(mode) >= 0;

    public static bool IsPrivileged(uint mode) => (mode & 0x1F) != 0x10;

    /// <summary>User and System have no SPSR.</summary>
    public static bool HasSpsr(uint mode) => Bank(mode) > 0;
}
