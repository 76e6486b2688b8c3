/* The performance monitors as Linux's perf driver probes them (PMCR's counter count, the enable,
 * overflow, interrupt-enable and selection registers, PMUSERENR) and the CP14 debug registers a
 * kernel reads at boot (DBGDIDR, DBGDRAR, DBGDSAR, DBGDSCR, DBGOSLSR), the OS lock, and the
 * ThumbEE registers. Counter
 * values depend on timing and are not printed, only whether they advance; the events a PMU counts
 * (PMCEID*) are the implementation's. */
#include "system.h"

#define MRC14(op1, crn, crm, op2) ({ uint32_t v_; __asm__ volatile("mrc p14, " #op1 ", %0, c" #crn ", c" #crm ", " #op2 : "=r"(v_)); v_; })

#define SHOW SHOW_OR_UNDEFINED

int main(void)
{
    install_vectors();
    on_exception = note_undefined;
    SHOW("DBGDIDR", MRC14(0, 0, 0, 0));
    SHOW("DBGDRAR", MRC14(0, 1, 0, 0));
    SHOW("DBGDSAR", MRC14(0, 2, 0, 0));
    SHOW("DBGDSCRint", MRC14(0, 0, 1, 0));
    SHOW("DBGDSCRext", MRC14(0, 0, 2, 2));
    SHOW("DBGOSLSR", MRC14(0, 1, 1, 4));

    uint32_t pmcr = MRC(0, 9, 12, 0);
    printf("PMCR       %08lx (N = %lu)\n", (unsigned long)pmcr, (unsigned long)(pmcr >> 11) & 0x1f);
    SHOW("PMCNTENSET", MRC(0, 9, 12, 1));
    SHOW("PMOVSR", MRC(0, 9, 12, 3));
    SHOW("PMSELR", MRC(0, 9, 12, 5));
    SHOW("PMUSERENR", MRC(0, 9, 14, 0));
    SHOW("PMINTENSET", MRC(0, 9, 14, 1));

    /* Enable the cycle counter (E, C reset) and counter 0's enable bit, then read them back. */
    MCR(0, 9, 12, 0, pmcr | 1 | 4);
    MCR(0, 9, 12, 1, 0x80000001);
    MCR(0, 9, 14, 1, 0x80000001);
    MCR(0, 9, 12, 5, 0);
    MCR(0, 9, 13, 1, 0x11);
    SHOW("PMCNTENSET", MRC(0, 9, 12, 1));
    SHOW("PMINTENSET", MRC(0, 9, 14, 1));
    SHOW("PMXEVTYPER", MRC(0, 9, 13, 1) & 0xff);
    uint32_t before = MRC(0, 9, 13, 0);
    for (volatile int k = 0; k < 1000; k++) { }
    uint32_t after = MRC(0, 9, 13, 0);
    printf("PMCCNTR advances: %d\n", after != before);
    MCR(0, 9, 12, 2, 0x80000001);
    MCR(0, 9, 14, 2, 0x80000001);
    SHOW("PMCNTENSET", MRC(0, 9, 12, 1));
    SHOW("PMINTENSET", MRC(0, 9, 14, 1));
    MCR(0, 9, 14, 0, 1);
    SHOW("PMUSERENR", MRC(0, 9, 14, 0));
    __asm__ volatile("mcr p14, 0, %0, c1, c0, 4" : : "r"(0) : "memory");
    SHOW("DBGOSLSR", MRC14(0, 1, 1, 4));
    __asm__ volatile("mcr p14, 0, %0, c1, c0, 4" : : "r"(0xC5ACCE55) : "memory");
    SHOW("DBGOSLSR", MRC14(0, 1, 1, 4));
    __asm__ volatile("mcr p14, 0, %0, c0, c2, 4" : : "r"(0x1234) : "memory");
    SHOW("DBGBVR2", MRC14(0, 0, 2, 4));
    /* ThumbEE's registers, which Linux saves and restores on every context switch. */
    SHOW("TEECR", MRC14(6, 0, 0, 0));
    __asm__ volatile("mcr p14, 6, %0, c1, c0, 0" : : "r"(0x12345678) : "memory");
    SHOW("TEEHBR", MRC14(6, 1, 0, 0));
    __asm__ volatile("mcr p14, 6, %0, c0, c0, 0" : : "r"(1) : "memory");
    SHOW("TEECR", MRC14(6, 0, 0, 0));
    return 0;
}
