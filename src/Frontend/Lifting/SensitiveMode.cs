namespace Translator.Frontend.Lifting;

/// <summary>How sensitive instructions are translated.</summary>
public enum SensitiveMode
{
    /// <summary>Each becomes a trap stub: the block exits and the hypervisor emulates the instruction.</summary>
    Trap,
    /// <summary>Each is lowered to inline IR (with a call-out only where it has side effects).</summary>
    Translate,
}
