namespace Translator.IR;

/// <summary>
/// What an <see cref="Opcode.CallOut"/> calls (its aux): operations on state the IR does not hold
/// split, defined once in the backend and called by both engines.
/// </summary>
public enum CallOutKind : ulong
{
    /// <summary>Returns the assembled CPSR.</summary>
    ReadCpsr,
    /// <summary>CPSRWriteByInstr(value = arg 0, byte mask = arg 1): MSR's rules for each field by privilege.</summary>
    WriteCpsr,
    /// <summary>Returns the current mode's SPSR (UNPREDICTABLE in User/System mode: reads as the CPSR).</summary>
    ReadSpsr,
    /// <summary>Writes the byte-masked SPSR of the current mode (ignored in User/System mode).</summary>
    WriteSpsr,
    /// <summary>An exception return to the address in arg 0: CPSR = SPSR of the current mode, then PC with the restored state's alignment.</summary>
    ExceptionReturn,
    /// <summary>SETEND: CPSR.E = arg 0 (the data endianness; no privilege needed).</summary>
    SetEndianness,
    /// <summary>CPS at PL1: arg 0 = imod[1:0]:M:A:I:F (bits 5:0), arg 1 = the mode to switch to when M is set.</summary>
    ChangeProcessorState,
    /// <summary>Returns a register of another mode's bank: arg 0 = <see cref="BankedSelector"/>.</summary>
    ReadBanked,
    /// <summary>Writes a register of another mode's bank: arg 0 = the value, arg 1 = <see cref="BankedSelector"/>.</summary>
    WriteBanked,
    /// <summary>RFE: CPSR = arg 1 (as an exception return writes it), then branch to arg 0 with the restored state's alignment.</summary>
    ReturnFromException,
    /// <summary>
    /// A system-register access the hypervisor lowered in translate mode: arg 0 = the register's
    /// handle in the vCPU's table, arg 1 = <see cref="SystemAccess"/>; reads and writes the guest
    /// registers named there directly.
    /// </summary>
    SystemRegister,
}

/// <summary>The register a banked access names: R8–R14 (or 16 for the SPSR) of a mode.</summary>
public static class BankedSelector
{
    public const int Spsr = 16;

    public static uint Of(int register, uint mode) => (uint)register | (mode << 8);

    public static int Register(uint selector) => (int)(selector & 0xFF);

    public static uint Mode(uint selector) => (selector >> 8) & 0x1F;
}

/// <summary>How a lowered MRC/MCR/MRRC/MCRR uses the guest's registers: Rt, Rt2, direction, width.</summary>
public static class SystemAccess
{
    public const uint Read = 1u << 8, Wide = 1u << 9;

    public static uint Of(int rt, int rt2, bool read, bool wide) => (uint)rt | ((uint)rt2 << 4) | (read ? Read : 0) | (wide ? Wide : 0);

    public static int Rt(uint access) => (int)(access & 0xF);

    public static int Rt2(uint access) => (int)((access >> 4) & 0xF);
}
