using Translator.Hypervisor.Exceptions;
using Translator.IR.State;

namespace Translator.Hypervisor.Memory;

/// <summary>
/// The VMSAv7 short-descriptor translation table walk (ARM ARM B3.5): TTBCR.N splits the address
/// space between TTBR0 (the low part) and TTBR1; a first-level descriptor is a fault, a page table, a
/// section or a supersection (bit 18), with PXN in bit 0 (the Cortex-A15 has it: ID_MMFR0.VMSA = 5);
/// a second-level descriptor is a fault, a large page or a small page. Descriptors are read from
/// guest RAM; a walk that reaches no RAM is a synchronous external abort on the walk.
///
/// With TTBCR.EAE set the tables are in the long-descriptor format instead, and <see cref="Walk"/> hands
/// the walk to <see cref="LongDescriptorWalk"/>.
///
/// This processor has no Security Extensions, so TTBCR has no PD0/PD1 (QEMU keeps only N then),
/// and the NS bits mean nothing. A supersection's extended base address bits (PA[39:32]) lead
/// beyond the 32-bit physical space, where there is nothing.
/// </summary>
public static unsafe class ShortDescriptorWalk
{
    public const uint TtbcrN = 7, TtbcrEae = 1u << 31;

    /// <summary>
    /// Walks the tables for <paramref name="va"/> in the format TTBCR.EAE selects (see <see cref="LongDescriptorWalk"/>);
    /// returns 0 and the translation, or the fault status (with its domain).
    /// </summary>
    public static uint Walk(CpuState* s, PhysicalMap map, uint va, out TranslationEntry entry)
    {
        if ((s->Ttbcr & TtbcrEae) != 0) return LongDescriptorWalk.Walk(s, map, va, out entry);
        entry = default;
        int n = (int)(s->Ttbcr & TtbcrN);
        uint l1Address = n == 0 || va >> (32 - n) == 0
            ? (s->Ttbr0 & ~(0x3FFFu >> n)) | ((va << n) >> (n + 20) << 2)
            : (s->Ttbr1 & ~0x3FFFu) | (va >> 20 << 2);
        if (!TryReadDescriptor(map, l1Address, out uint l1)) return FaultStatus.WalkExternalFirstLevel;
        switch (l1 & 3)
        {
            case 0:
                return FaultStatus.TranslationSection;
            case 1:
            {
                byte domain = (byte)((l1 >> 5) & 0xF);
                if (!TryReadDescriptor(map, (l1 & ~0x3FFu) | ((va >> 12) & 0xFF) << 2, out uint l2))
                    return FaultStatus.WithDomain(FaultStatus.WalkExternalSecondLevel, domain);
                bool pxn = (l1 & 4) != 0;
                byte ap = (byte)(((l2 >> 4) & 3) | ((l2 >> 7) & 4));
                bool global = (l2 & (1u << 11)) == 0;
                switch (l2 & 3)
                {
                    case 0:
                        return FaultStatus.WithDomain(FaultStatus.TranslationPage, domain);
                    case 1:
                        entry = new(l2 & 0xFFFF_0000, 16, 2, domain, ap, (l2 & (1u << 15)) != 0, pxn, global, false);
                        return 0;
                    default:
                        entry = new(l2 & 0xFFFF_F000, 12, 2, domain, ap, (l2 & 1) != 0, pxn, global, false);
                        return 0;
                }
            }
            default:
            {
                byte ap = (byte)(((l1 >> 10) & 3) | ((l1 >> 13) & 4));
                bool xn = (l1 & (1u << 4)) != 0, pxn = (l1 & 1) != 0, global = (l1 & (1u << 17)) == 0;
                if ((l1 & (1u << 18)) == 0)
                {
                    entry = new(l1 & 0xFFF0_0000, 20, 1, (byte)((l1 >> 5) & 0xF), ap, xn, pxn, global, false);
                    return 0;
                }
                // A supersection is in domain 0.
                bool beyond = (l1 & 0x00F0_01E0) != 0;
                entry = new(l1 & 0xFF00_0000, 24, 1, 0, ap, xn, pxn, global, beyond);
                return 0;
            }
        }
    }

    private static bool TryReadDescriptor(PhysicalMap map, uint address, out uint descriptor)
    {
        descriptor = 0;
        if (map.RamAt(address) is not { } ram || !ram.Contains(address, 4)) return false;
        descriptor = *(uint*)(ram.Host + (address - ram.Base));
        return true;
    }
}

/// <summary>The guest put the processor in a state Translator does not model; the run stops, saying which.</summary>
public sealed class UnsupportedGuestStateException(string message) : Exception(message);
