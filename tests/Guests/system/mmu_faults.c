/* MMU faults with their DFSR/DFAR or IFSR/IFAR: translation faults (section, page), domain faults
 * (section, page) and each domain mode, the access permissions AP[2:0] at PL1 and at PL0 (LDRT,
 * STRT), execute-never and privileged execute-never (prefetch aborts), the access flag with
 * SCTLR.AFE, and alignment faults with SCTLR.A. */
#include "mmu.c.inc"

static uint32_t l2_table[256] __attribute__((aligned(1024)));

#define DATA 0x48000000u   /* physical memory the test mappings lead to */
#define VA_SECTION 0x80000000u
#define VA_PAGES 0x80100000u
#define CODE 0x800u

static void map_section(uint32_t descriptor) { l1_table[VA_SECTION >> 20] = descriptor; dsb(); tlbimva(VA_SECTION); }
static void map_page(uint32_t descriptor) { l2_table[0] = descriptor; dsb(); tlbimva(VA_PAGES); }
static void set_dacr(uint32_t dacr) { MCR(0, 3, 0, 0, dacr); isb(); }

static void accesses(const char *name, uint32_t va)
{
    char what[64];
    uint32_t v;
    snprintf(what, sizeof what, "%s PL1 read", name); v = try_read(va); show(what, v);
    snprintf(what, sizeof what, "%s PL1 write", name); v = try_write(va, 0x1234); show(what, v);
    snprintf(what, sizeof what, "%s PL0 read", name); v = try_read_user(va); show(what, v);
    snprintf(what, sizeof what, "%s PL0 write", name); v = try_write_user(va, 0x5678); show(what, v);
}

int main(void)
{
    catch_aborts();
    mmu_on();
    l1_table[VA_PAGES >> 20] = L1_TABLE(l2_table, 3);

    /* (The page table's domain is a client here: QEMU checks the domain before the second level.) */
    set_dacr(0x1 | (1u << 6));
    show("translation fault (section)", try_read(0x90000004u));
    show("write: WnR", try_write(0x90000008u, 1));
    show("translation fault (page)", try_read(VA_PAGES + 0x1000u));
    show("PL0 translation fault (page)", try_write_user(VA_PAGES + 0x2004u, 1));

    /* Domains: section in domain 5, page table in domain 3. */
    map_section(L1_SECTION(DATA, 3, 5));
    map_page(L2_SMALL(DATA, 3));
    set_dacr(0x1);
    show("domain 5 no access (section)", try_read(VA_SECTION));
    show("domain 3 no access (page)", try_write(VA_PAGES + 8, 1));
    set_dacr(0x1 | (2u << 10));
    show("domain 5 reserved (section)", try_read(VA_SECTION));
    set_dacr(0x1 | (1u << 10) | (1u << 6));
    map_section(L1_SECTION(DATA, 0, 5));
    map_page(L2_SMALL(DATA, 0));
    show("client AP=000 (section)", try_read(VA_SECTION + 4));
    show("client AP=000 (page)", try_write(VA_PAGES + 4, 1));
    set_dacr(0x1 | (3u << 10) | (3u << 6));
    show("manager AP=000 (section)", try_read(VA_SECTION + 4));
    show("manager AP=000 PL0 (page)", try_write_user(VA_PAGES + 4, 0xabcd));
    show("manager AP=000 PL0 read", try_read_user(VA_PAGES + 4));

    /* Access permissions at each privilege, in a client domain. */
    set_dacr(0x1 | (1u << 10) | (1u << 6));
    static const unsigned aps[] = { 0, 1, 2, 3, 5, 6, 7 };
    for (unsigned k = 0; k < sizeof aps / sizeof aps[0]; k++) {
        char name[32];
        map_section(L1_SECTION(DATA, aps[k], 5));
        snprintf(name, sizeof name, "AP=%u%u%u sect", aps[k] >> 2, (aps[k] >> 1) & 1, aps[k] & 1);
        accesses(name, VA_SECTION + 0x10);
        map_page(L2_SMALL(DATA, aps[k]));
        snprintf(name, sizeof name, "AP=%u%u%u page", aps[k] >> 2, (aps[k] >> 1) & 1, aps[k] & 1);
        accesses(name, VA_PAGES + 0x10);
    }

    /* Execute-never and PXN: instruction fetches take prefetch aborts. "mov r0, #42; bx lr" is at
       CODE in the data page, executed through the test mappings. */
    ((volatile uint32_t *)(DATA + CODE))[0] = 0xe3a0002a;
    ((volatile uint32_t *)(DATA + CODE))[1] = 0xe12fff1e;
    dsb();
    map_section(L1_SECTION(DATA, 3, 5));
    show("execute section", try_call(VA_SECTION + CODE));
    map_section(L1_SECTION(DATA, 3, 5) | L1_XN);
    show("execute XN section", try_call(VA_SECTION + CODE));
    map_section(L1_SECTION(DATA, 3, 5) | L1_PXN);
    show("execute PXN section at PL1", try_call(VA_SECTION + CODE));
    map_page(L2_SMALL(DATA, 3) | L2_SMALL_XN);
    show("execute XN page", try_call(VA_PAGES + CODE));
    map_page(L2_SMALL(DATA, 5));
    show("execute read-only page", try_call(VA_PAGES + CODE));
    map_page(L2_SMALL(DATA, 1));
    show("execute PL1-only page", try_call(VA_PAGES + CODE));
    show("execute unmapped", try_call(0x90000000u));
    set_dacr(0x1 | (3u << 10) | (3u << 6));
    map_page(L2_SMALL(DATA, 0) | L2_SMALL_XN);
    show("execute XN page, manager", try_call(VA_PAGES + CODE));
    set_dacr(0x1 | (1u << 10) | (1u << 6));

    /* The access flag: with SCTLR.AFE, AP[0] = 0 faults until it is set. */
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) | (1u << 29));
    isb();
    tlbiall();
    map_section(L1_SECTION(DATA, 2, 5));
    show("AFE: AF=0 section", try_read(VA_SECTION + 0x20));
    map_section(L1_SECTION(DATA, 3, 5));
    show("AFE: AF=1 section", try_read(VA_SECTION + 0x20));
    map_page(L2_SMALL(DATA, 2));
    show("AFE: AF=0 page", try_write(VA_PAGES + 0x24, 7));
    map_page(L2_SMALL(DATA, 3));
    accesses("AFE AP=01 page", VA_PAGES + 0x24);
    map_page(L2_SMALL(DATA, 1));
    accesses("AFE AP=00 page", VA_PAGES + 0x24);
    map_page(L2_SMALL(DATA, 5));
    accesses("AFE AP=10 page", VA_PAGES + 0x24);
    map_page(L2_SMALL(DATA, 7));
    accesses("AFE AP=11 page", VA_PAGES + 0x24);
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) & ~(1u << 29));
    isb();
    tlbiall();

    /* Alignment: SCTLR.A makes an unaligned word access fault before it is translated. */
    map_page(L2_SMALL(DATA, 3));
    show("unaligned read, A=0", try_read(VA_PAGES + 0x31));
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) | 2u);
    isb();
    show("unaligned read, A=1", try_read(VA_PAGES + 0x31));
    show("unaligned write unmapped, A=1", try_write(0x90000002u, 1));
    show("aligned read, A=1", try_read(VA_PAGES + 0x30));
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) & ~2u);
    isb();

    printf("DFSR %08lx IFSR %08lx\n", (unsigned long)MRC(0, 5, 0, 0), (unsigned long)MRC(0, 5, 0, 1));
    return 0;
}
