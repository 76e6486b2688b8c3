using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Hypervisor.Memory;
using Translator.Hypervisor.SystemRegisters;
using Translator.IR.State;

namespace Translator.Hypervisor.Tests;

/// <summary>
/// With TTBCR.EAE (LPAE's long-descriptor format) the ASID that keys translated blocks and the shadow TLB
/// comes from TTBR0, or TTBR1 when TTBCR.A1 says so (ARM ARM B3.6.1, B4.1.154), and no longer from
/// CONTEXTIDR; TTBR0, TTBR1 and PAR are 64-bit through MCRR/MRRC while MCR/MRC reach their low words.
/// (mmu_lpae.c checks the walks, faults and PAR against QEMU; a change of ASID cannot be seen there
/// without relying on what a TLB keeps.)
/// </summary>
public sealed unsafe class LongDescriptorAddressSpaceTests
{
    private const uint Eae = 1u << 31, A1 = 1u << 22, Translated = CpuState.AddressSpaceTranslated;

    private static RegisterEncoding Cp15(int crn, int opc1, int crm, int opc2) => new(15, opc1, crn, crm, opc2);

    private static void Write(VCpu cpu, RegisterEncoding encoding, ulong value) => cpu.Registers.Find(encoding)!.Write!(cpu, value);

    private static ulong Read(VCpu cpu, RegisterEncoding encoding) => cpu.Registers.Find(encoding)!.Read!(cpu);

    private static readonly RegisterEncoding Sctlr = Cp15(1, 0, 0, 0), Ttbcr = Cp15(2, 0, 0, 2), ContextIdr = Cp15(13, 0, 0, 1);
    private static readonly RegisterEncoding Ttbr0 = Cp15(2, 0, 0, 0), Ttbr0Wide = RegisterEncoding.Wide(15, 0, 2), Ttbr1Wide = RegisterEncoding.Wide(15, 1, 2);
    private static readonly RegisterEncoding Par = Cp15(7, 0, 4, 0), ParWide = RegisterEncoding.Wide(15, 0, 7);

    [Test]
    public void The_asid_follows_the_ttbr_that_a1_names_once_eae_is_set()
    {
        var map = new PhysicalMap();
        using var ram = new Ram(0x4000_0000, 1 << 20);
        map.AddRam(ram);
        using var memory = new GuestMemory(map);
        using var cpu = new VCpu(memory, new EngineOptions(), SensitiveMode.Translate);
        cpu.Reset(0x4000_0000);
        Write(cpu, Sctlr, Read(cpu, Sctlr) | 1);
        Write(cpu, ContextIdr, 0x0000_0105);
        Assert.That(cpu.State->AddressSpace, Is.EqualTo(0x05 | Translated), "short descriptors: CONTEXTIDR.ASID");

        Write(cpu, Ttbr0Wide, 0x0012_0000_4000_4000UL);
        Write(cpu, Ttbr1Wide, 0x0034_0000_4000_8000UL);
        Write(cpu, Ttbcr, Eae);
        Assert.That(cpu.State->AddressSpace, Is.EqualTo(0x12 | Translated), "TTBR0.ASID");
        Write(cpu, ContextIdr, 0x0000_0277);
        Assert.That(cpu.State->AddressSpace, Is.EqualTo(0x12 | Translated), "CONTEXTIDR no longer holds the ASID");
        Write(cpu, Ttbcr, Eae | A1);
        Assert.That(cpu.State->AddressSpace, Is.EqualTo(0x34 | Translated), "TTBR1.ASID with A1");
        Write(cpu, Ttbr1Wide, 0x0056_0000_4000_8000UL);
        Assert.That(cpu.State->AddressSpace, Is.EqualTo(0x56 | Translated), "a TTBR1 write changes it");
        Write(cpu, Ttbcr, 0);
        Assert.That(cpu.State->AddressSpace, Is.EqualTo(0x77 | Translated), "back to CONTEXTIDR");
        Write(cpu, Sctlr, Read(cpu, Sctlr) & ~1ul);
        Assert.That(cpu.State->AddressSpace, Is.Zero, "the MMU off: one flat space");
    }

    [Test]
    public void Ttbr_and_par_are_64_bit_with_their_low_words_at_the_32_bit_encodings()
    {
        var map = new PhysicalMap();
        using var memory = new GuestMemory(map);
        using var cpu = new VCpu(memory, new EngineOptions(), SensitiveMode.Translate);
        cpu.Reset(0);
        Write(cpu, Ttbr0Wide, 0x00AB_0001_2345_6000UL);
        Assert.That(Read(cpu, Ttbr0), Is.EqualTo(0x2345_6000));
        Write(cpu, Ttbr0, 0x4000_0000);
        Assert.That(Read(cpu, Ttbr0Wide), Is.EqualTo(0x00AB_0001_4000_0000UL), "a 32-bit write keeps the high word");
        Write(cpu, ParWide, 0xFF00_0000_4800_0B80UL);
        Assert.That(Read(cpu, Par), Is.EqualTo(0x4800_0B80));
        Assert.That(Read(cpu, ParWide), Is.EqualTo(0xFF00_0000_4800_0B80UL));
    }
}
