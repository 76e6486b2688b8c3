namespace Translator.Hypervisor.Exceptions;

/// <summary>The exceptions an ARMv7-A PL1 guest (no Security or Virtualization Extensions) can take, with the vector offset of each.</summary>
public enum GuestException
{
    Reset = 0x00,
    Undefined = 0x04,
    SupervisorCall = 0x08,
    PrefetchAbort = 0x0C,
    DataAbort = 0x10,
    Irq = 0x18,
    Fiq = 0x1C,
}
