using Translator.Hypervisor.Exceptions;
using Translator.IR.State;

namespace Translator.Hypervisor.Memory;

/// <summary>
/// The VMSAv7 long-descriptor translation table walk of the Large Physical Address Extension (ARM ARM
/// B3.6), which TTBCR.EAE selects: 64-bit descriptors in up to three levels with a 4 KB granule. TTBCR.T0SZ
/// and T1SZ size the regions TTBR0 (from address 0 up) and TTBR1 (from the top down) translate (a size
/// of zero: whatever the other leaves), an address in neither is a level 1 translation fault, and so is one whose table walks EPD0 or EPD1
/// disable; a region of 1 GB or more starts at level 1 (1 GB blocks), a smaller one at level 2 (2 MB
/// blocks); level 3 holds 4 KB pages. Table descriptors restrict what follows them (APTable, XNTable,
/// PXNTable). There are no domains: every access is checked against the permissions, AP[2:1] as in the
/// simplified model, and the access flag always faults when clear, as this processor does not manage it.
///
/// Descriptors are read from guest RAM, little-endian; a walk that reaches no RAM, or a table beyond the
/// 32-bit physical space, is a synchronous external abort on the walk at that level. An output address
/// beyond 4 GB leads where nothing is (<see cref="TranslationEntry.BeyondFourGiB"/>). Faults carry the
/// long-descriptor status (<see cref="FaultStatus.LongFormat"/>).
/// </summary>
public static unsafe class LongDescriptorWalk
{
    public const uint TtbcrT0Sz = 7, TtbcrEpd0 = 1u << 7, TtbcrT1SzShift = 16, TtbcrA1 = 1u << 22, TtbcrEpd1 = 1u << 23;
    private const ulong AddressMask = 0x0000_00FF_FFFF_F000;
    private const ulong Af = 1u << 10, NotGlobal = 1u << 11, Pxn = 1UL << 53, Xn = 1UL << 54;
    private const ulong PxnTable = 1UL << 59, XnTable = 1UL << 60, ApTableNoPl0 = 1UL << 61, ApTableReadOnly = 1UL << 62;

    /// <summary>Walks the tables for <paramref name="va"/>; returns 0 and the translation, or the long-descriptor fault status.</summary>
    public static uint Walk(CpuState* s, PhysicalMap map, uint va, out TranslationEntry entry)
    {
        entry = default;
        int t0sz = (int)(s->Ttbcr & TtbcrT0Sz), t1sz = (int)((s->Ttbcr >> (int)TtbcrT1SzShift) & 7);
        int size;
        ulong ttbr;
        bool disabled;
        // TTBR1's region, when T1SZ sizes it, takes the top of the space even where T0SZ = 0 would give TTBR0 everything.
        bool inTtbr1 = t1sz > 0 && va >> (32 - t1sz) == (1u << t1sz) - 1;
        if (!inTtbr1 && (t0sz == 0 || va >> (32 - t0sz) == 0))
        {
            size = t0sz;
            ttbr = (ulong)s->Ttbr0High << 32 | s->Ttbr0;
            disabled = (s->Ttbcr & TtbcrEpd0) != 0;
        }
        else if (inTtbr1 || t1sz == 0)
        {
            size = t1sz;
            ttbr = (ulong)s->Ttbr1High << 32 | s->Ttbr1;
            disabled = (s->Ttbcr & TtbcrEpd1) != 0;
        }
        else return FaultStatus.Long(FaultStatus.LongTranslation, 1);
        if (disabled) return FaultStatus.Long(FaultStatus.LongTranslation, 1);

        // The first table resolves the address bits the region has above bit 30 (level 1) or 21 (level 2),
        // and is aligned to its own size (at least 8 bytes), as BADDR's lower bound says.
        int level = size <= 1 ? 1 : 2;
        int topBit = 31 - size;
        int lowerBound = level == 1 ? 5 - size : 14 - size;
        ulong table = ttbr & 0x0000_00FF_FFFF_FFFF & ~((1UL << lowerBound) - 1);
        ulong attributes = 0;
        while (true)
        {
            int shift = 39 - 9 * level;
            uint index = (va & (uint)((2UL << topBit) - 1)) >> shift;
            if (!TryReadDescriptor(map, table + index * 8, out ulong descriptor)) return FaultStatus.Long(FaultStatus.LongWalkExternal, level);
            uint type = (uint)descriptor & 3;
            if ((type & 1) == 0 || (level == 3 && type == 1)) return FaultStatus.Long(FaultStatus.LongTranslation, level);
            if (level < 3 && type == 3)
            {
                // A table: its restrictions add up for everything below it.
                attributes |= descriptor & (PxnTable | XnTable | ApTableNoPl0 | ApTableReadOnly);
                table = descriptor & AddressMask;
                topBit = shift - 1;
                level++;
                continue;
            }
            ulong output = descriptor & AddressMask & ~((1UL << shift) - 1);
            // AP[2:1] in bits 2:1 and AF in bit 0, as the simplified model's AP[2:0]; APTable takes away PL0 access or writes.
            uint ap = (uint)(descriptor >> 6) & 3;
            if ((attributes & ApTableNoPl0) != 0) ap &= ~1u;
            if ((attributes & ApTableReadOnly) != 0) ap |= 2;
            byte permissions = (byte)(ap << 1 | ((descriptor & Af) != 0 ? 1u : 0));
            entry = new TranslationEntry((uint)output, shift, level, SoftTlbNoDomain, permissions,
                (descriptor & Xn) != 0 || (attributes & XnTable) != 0, (descriptor & Pxn) != 0 || (attributes & PxnTable) != 0,
                (descriptor & NotGlobal) == 0, output >> 32 != 0)
            {
                LongDescriptor = true,
                AttributeIndex = (byte)((descriptor >> 2) & 7),
                Shareability = (byte)((descriptor >> 8) & 3),
            };
            return 0;
        }
    }

    /// <summary>The domain the shadow TLB files an entry under that no DACR change concerns.</summary>
    private const byte SoftTlbNoDomain = Backend.Memory.SoftTlb.NoDomain;

    private static bool TryReadDescriptor(PhysicalMap map, ulong address, out ulong descriptor)
    {
        descriptor = 0;
        if (address >> 32 != 0 || map.RamAt((uint)address) is not { } ram || !ram.Contains((uint)address, 8)) return false;
        descriptor = *(ulong*)(ram.Host + ((uint)address - ram.Base));
        return true;
    }
}
