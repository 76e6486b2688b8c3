/* The TLB: two ASIDs mapping one virtual page (non-global) to different physical pages, switched
 * back and forth through CONTEXTIDR and TTBR0 without TLB maintenance; each TLB maintenance
 * operation making a changed descriptor visible (only the architecturally defined result after the
 * operation is printed, never what a possibly stale entry gives); code run through a mapping that is
 * then changed; and self-modifying code written through an alias of the page it runs from. */
#include "mmu.c.inc"

static uint32_t l1_other[4096] __attribute__((aligned(16384)));
static uint32_t l2_a[256] __attribute__((aligned(1024)));
static uint32_t l2_b[256] __attribute__((aligned(1024)));

#define VA 0x80000000u
#define PA1 0x48000000u
#define PA2 0x48001000u
#define PA3 0x48002000u

static void switch_to(uint32_t asid, uint32_t *table)
{
    MCR(0, 13, 0, 1, asid);
    isb();
    MCR(0, 2, 0, 0, (uint32_t)table);
    isb();
}

static uint32_t read_va(void) { return *(volatile uint32_t *)(VA + 0x40); }

static void put_code(uint32_t pa, uint32_t value)
{
    ((volatile uint32_t *)pa)[0] = 0xe3a00000u | value;   /* mov r0, #value */
    ((volatile uint32_t *)pa)[1] = 0xe12fff1eu;           /* bx lr */
    dsb();
}

static void sync_code(uint32_t va)
{
    MCR(0, 7, 11, 1, va);   /* DCCMVAU */
    dsb();
    MCR(0, 7, 5, 1, va);    /* ICIMVAU */
    MCR(0, 7, 5, 6, 0);     /* BPIALL */
    dsb();
    isb();
}

int main(void)
{
    catch_aborts();
    mmu_on();
    ((volatile uint32_t *)PA1)[0x10] = 0x11111111u;
    ((volatile uint32_t *)PA2)[0x10] = 0x22222222u;
    ((volatile uint32_t *)PA3)[0x10] = 0x33333333u;

    /* Two address spaces: the same RAM sections, and VA -> PA1 for ASID 1, VA -> PA2 for ASID 2. */
    for (int k = 0; k < 4096; k++) l1_other[k] = l1_table[k];
    l2_a[0] = L2_SMALL(PA1, 3) | L2_NG;
    l2_b[0] = L2_SMALL(PA2, 3) | L2_NG;
    l1_table[VA >> 20] = L1_TABLE(l2_a, 0);
    l1_other[VA >> 20] = L1_TABLE(l2_b, 0);
    dsb();
    tlbiall();
    for (int round = 0; round < 3; round++) {
        switch_to(1, l1_table);
        uint32_t a = read_va();
        switch_to(2, l1_other);
        uint32_t b = read_va();
        printf("round %d: ASID 1 reads %08lx, ASID 2 reads %08lx\n", round, (unsigned long)a, (unsigned long)b);
    }
    switch_to(1, l1_table);

    /* Each TLB maintenance operation: change the descriptor, do the operation, read. */
    static const struct { const char *name; int kind; } ops[] = {
        { "TLBIALL", 0 }, { "TLBIMVA", 1 }, { "TLBIASID", 2 }, { "TLBIMVAA", 3 },
        { "TLBIALLIS", 4 }, { "TLBIMVAIS", 5 }, { "TLBIASIDIS", 6 }, { "TLBIMVAAIS", 7 },
        { "DTLBIALL", 8 }, { "DTLBIMVA", 9 }, { "DTLBIASID", 10 },
    };
    uint32_t target = PA1;
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        (void)read_va();
        target = target == PA3 ? PA2 : PA3;
        l2_a[0] = L2_SMALL(target, 3) | L2_NG;
        dsb();
        uint32_t mva_asid = VA | 1;
        switch (ops[k].kind) {
        case 0: MCR(0, 8, 7, 0, 0); break;
        case 1: MCR(0, 8, 7, 1, mva_asid); break;
        case 2: MCR(0, 8, 7, 2, 1); break;
        case 3: MCR(0, 8, 7, 3, VA); break;
        case 4: MCR(0, 8, 3, 0, 0); break;
        case 5: MCR(0, 8, 3, 1, mva_asid); break;
        case 6: MCR(0, 8, 3, 2, 1); break;
        case 7: MCR(0, 8, 3, 3, VA); break;
        case 8: MCR(0, 8, 6, 0, 0); break;
        case 9: MCR(0, 8, 6, 1, mva_asid); break;
        case 10: MCR(0, 8, 6, 2, 1); break;
        }
        dsb();
        isb();
        printf("%-11s then read %08lx\n", ops[k].name, (unsigned long)read_va());
    }
    /* A section remapped: TLBIMVA of one address in it drops the whole section's translation. */
    l1_table[0x810] = L1_SECTION(0x48100000u, 3, 0);
    dsb();
    tlbiall();
    ((volatile uint32_t *)0x48100000u)[0x4000] = 0xaaaa0001u;
    ((volatile uint32_t *)0x48200000u)[0x4000] = 0xbbbb0002u;
    printf("section read %08lx\n", (unsigned long)*(volatile uint32_t *)0x81010000u);
    l1_table[0x810] = L1_SECTION(0x48200000u, 3, 0);
    dsb();
    tlbimva(0x81000000u);
    printf("after TLBIMVA of its base, read at +64K %08lx\n", (unsigned long)*(volatile uint32_t *)0x81010000u);

    /* Code through a mapping that changes: the new code runs after the TLB maintenance. */
    put_code(PA1 + 0x800, 1);
    put_code(PA2 + 0x800, 2);
    l2_a[0] = L2_SMALL(PA1, 3) | L2_NG;
    dsb();
    tlbiall();
    printf("code at VA: %lu\n", (unsigned long)try_call(VA + 0x800));
    printf("code at VA: %lu\n", (unsigned long)try_call(VA + 0x800));
    static const struct { const char *name; int crm, opc2; } code_ops[] = {
        { "ITLBIMVA", 5, 1 }, { "ITLBIASID", 5, 2 }, { "ITLBIALL", 5, 0 }, { "TLBIMVA", 7, 1 },
    };
    for (unsigned k = 0; k < sizeof code_ops / sizeof code_ops[0]; k++) {
        l2_a[0] = L2_SMALL(k % 2 == 0 ? PA2 : PA1, 3) | L2_NG;
        dsb();
        uint32_t operand = code_ops[k].opc2 == 2 ? 1 : code_ops[k].opc2 == 1 ? (VA | 1) : 0;
        switch (code_ops[k].crm * 8 + code_ops[k].opc2) {
        case 41: MCR(0, 8, 5, 1, operand); break;
        case 42: MCR(0, 8, 5, 2, operand); break;
        case 40: MCR(0, 8, 5, 0, operand); break;
        default: MCR(0, 8, 7, 1, operand); break;
        }
        MCR(0, 7, 5, 6, 0);   /* BPIALL */
        dsb();
        isb();
        printf("%-9s then code at VA: %lu\n", code_ops[k].name, (unsigned long)try_call(VA + 0x800));
    }

    /* Self-modifying code through an alias: VA + 0x1000 maps the same physical page as VA. */
    l2_a[0] = L2_SMALL(PA3, 3) | L2_NG;
    l2_a[1] = L2_SMALL(PA3, 3) | L2_NG;
    dsb();
    tlbiall();
    put_code(PA3 + 0x800, 5);
    printf("alias code: %lu\n", (unsigned long)try_call(VA + 0x800));
    for (uint32_t v = 6; v < 9; v++) {
        *(volatile uint32_t *)(VA + 0x1800) = 0xe3a00000u | v;
        sync_code(VA + 0x800);
        printf("after writing through the alias: %lu\n", (unsigned long)try_call(VA + 0x800));
    }
    printf("ASID %lu\n", (unsigned long)(MRC(0, 13, 0, 1) & 0xff));
    return 0;
}
