namespace Translator.Hypervisor.Interrupts;

/// <summary>The vCPU's two interrupt inputs, which an interrupt controller drives.</summary>
public enum InterruptLine { Irq, Fiq }
