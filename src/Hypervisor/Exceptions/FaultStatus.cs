namespace Translator.Hypervisor.Exceptions;

/// <summary>Short-descriptor fault status values (DFSR/IFSR FS[4:0], with FS[4] in bit 10) and the DFSR's WnR bit.</summary>
public static class FaultStatus
{
    public const uint Alignment = 0x001;
    public const uint DebugEvent = 0x002;
    public const uint SynchronousExternal = 0x008;
    public const uint WriteNotRead = 1u << 11;
}
