/* Short-descriptor translation: a section, a supersection, a large page and small pages, each
 * written through its virtual address and read back through the identity map of its physical
 * memory; the TTBCR.N split between TTBR0 and TTBR1; and ATS1CPR/ATS1CUW with the PAR they give,
 * for translations and for faults. */
#include "mmu.c.inc"

static uint32_t l2_table[256] __attribute__((aligned(1024)));
static uint32_t l1_high[4096] __attribute__((aligned(16384)));

static void show_par(const char *what, uint32_t va, int user_write)
{
    if (user_write) MCR(0, 7, 8, 3, va); else MCR(0, 7, 8, 0, va);
    isb();
    printf("%-30s PAR %08lx\n", what, (unsigned long)MRC(0, 7, 4, 0));
}

static void check(const char *what, uint32_t va, uint32_t pa)
{
    *(volatile uint32_t *)va = 0x5a000000u | (va >> 12);
    dsb();
    printf("%-30s va %08lx -> pa %08lx holds %08lx\n", what, (unsigned long)va, (unsigned long)pa, (unsigned long)*(volatile uint32_t *)pa);
}

int main(void)
{
    catch_aborts();
    mmu_on();
    printf("SCTLR.M %lu\n", (unsigned long)(MRC(0, 1, 0, 0) & 1));

    /* A section: 1 MB at 0x80000000 -> 0x48000000. */
    l1_table[0x800] = L1_SECTION(0x48000000u, 3, 0);
    /* A supersection: 16 MB at 0x81000000 -> 0x49000000, in 16 repeated entries. */
    for (int k = 0; k < 16; k++) l1_table[0x810 + k] = L1_SUPERSECTION(0x49000000u, 3);
    /* A page table for 0x82000000: a large page (16 repeated entries) and two small pages. */
    for (int k = 0; k < 16; k++) l2_table[k] = L2_LARGE(0x4a000000u, 3);
    l2_table[16] = L2_SMALL(0x4a105000u, 3);
    l2_table[17] = L2_SMALL(0x4a100000u, 3);
    l1_table[0x820] = L1_TABLE(l2_table, 0);
    dsb();
    tlbiall();

    check("section", 0x80012344u, 0x48012344u);
    check("supersection", 0x81abc008u, 0x49abc008u);
    check("large page", 0x8200f00cu, 0x4a00f00cu);
    check("small page", 0x82010010u, 0x4a105010u);
    check("small page 2", 0x82011ff0u, 0x4a100ff0u);

    show_par("ATS1CPR section", 0x80012344u, 0);
    show_par("ATS1CPR supersection", 0x81abc008u, 0);
    show_par("ATS1CPR large page", 0x8200f00cu, 0);
    show_par("ATS1CPR small page", 0x82011ff0u, 0);
    show_par("ATS1CPR identity", 0x40123456u, 0);
    show_par("ATS1CUW identity", 0x40123456u, 1);
    show_par("ATS1CPR unmapped section", 0x90000000u, 0);
    show_par("ATS1CPR unmapped page", 0x82020000u, 0);
    l1_table[0x830] = L1_SECTION(0x48100000u, 1, 0);   /* PL1 only */
    dsb();
    show_par("ATS1CUW privileged section", 0x83000000u, 1);
    l1_table[0x831] = L1_SECTION(0x48100000u, 3, 4);   /* domain 4: no access */
    dsb();
    show_par("ATS1CPR no-access domain", 0x83100000u, 0);

    /* TTBCR.N = 1: addresses from 0x80000000 go through TTBR1, whose table maps 0x80000000 elsewhere. */
    l1_high[0x800] = L1_SECTION(0x48200000u, 3, 0);
    dsb();
    MCR(0, 2, 0, 1, (uint32_t)l1_high);
    MCR(0, 2, 0, 2, 1);
    tlbiall();
    printf("TTBCR %08lx TTBR1 is l1_high %d\n", (unsigned long)MRC(0, 2, 0, 2), MRC(0, 2, 0, 1) == (uint32_t)l1_high);
    check("TTBR1 section", 0x80000040u, 0x48200040u);
    show_par("ATS1CPR TTBR1 section", 0x80000040u, 0);
    show_par("ATS1CPR TTBR1 unmapped", 0x82010010u, 0);
    check("TTBR0 identity", 0x40200000u + 0x100u, 0x40200100u);
    MCR(0, 2, 0, 2, 0);
    tlbiall();
    check("TTBR0 section again", 0x80000080u, 0x48000080u);
    /* TTBCR keeps N only (no PD0/PD1 without the Security Extensions). */
    MCR(0, 2, 0, 2, 0x30);
    printf("TTBCR after writing 0x30: %08lx\n", (unsigned long)MRC(0, 2, 0, 2));
    MCR(0, 2, 0, 2, 0);
    tlbiall();

    mmu_off();
    printf("SCTLR.M %lu\n", (unsigned long)(MRC(0, 1, 0, 0) & 1));
    return 0;
}
