using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.Memory;

namespace Translator.Hypervisor;

/// <summary>
/// One guest: its VMID (part of every translation's key, so guests never share translated code),
/// its physical address space (RAM and devices, built by the platform's board), and its vCPU with
/// that vCPU's view of memory (the software TLB is per vCPU).
/// </summary>
public sealed class Vm : IDisposable
{
    public byte Id { get; }
    public PhysicalMap Map { get; }
    public GuestMemory Memory { get; }
    public VCpu Cpu { get; }

    /// <param name="countInstructions">--icount: guest time follows retired instructions, so runs repeat exactly.</param>
    public Vm(byte id, PhysicalMap map, EngineOptions engine, SensitiveMode sensitive, bool countInstructions = false)
    {
        Id = id;
        Map = map;
        Memory = new GuestMemory(map);
        Cpu = new VCpu(Memory, engine, sensitive, countInstructions) { Vmid = id };
    }

    public void Dispose()
    {
        Cpu.Dispose();
        Memory.Dispose();
    }
}
