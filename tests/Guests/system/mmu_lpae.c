/* Long-descriptor translation (LPAE, TTBCR.EAE = 1), as U-Boot's qemu_arm board turns the MMU on:
 * 64-bit TTBR0/TTBR1 and PAR through MCRR/MRRC; 1 GB blocks, 2 MB blocks and 4 KB pages; translation,
 * access flag and permission faults at each level with their long-format DFSR/IFSR; AP[2:1] at PL1 and
 * PL0; APTable, XNTable and PXNTable restricting what a table leads to; XN and PXN; the TTBR0/TTBR1
 * split by T0SZ and T1SZ (with lookups starting at level 2) and EPD1; ATS1CPR/ATS1CUW answering in the
 * 64-bit PAR; external aborts on accesses to a physical address where nothing is, and alignment faults,
 * in the long format. */
#include "mmu.c.inc"

typedef uint64_t u64;

#define DESC_BLOCK 1u
#define DESC_TABLE 3u
#define DESC_PAGE 3u
#define AF (1u << 10)
#define NG (1u << 11)
#define AP(x) ((u64)(x) << 6)          /* AP[2:1] */
#define ATTR(i) ((u64)(i) << 2)        /* AttrIndx: 0 Device, 1 Normal write-back */
#define ISH ((u64)3 << 8)
#define PXN ((u64)1 << 53)
#define XN ((u64)1 << 54)
#define PXN_TABLE ((u64)1 << 59)
#define XN_TABLE ((u64)1 << 60)
#define AP_TABLE(x) ((u64)(x) << 61)

#define TTBCR_EAE (1u << 31)
#define TTBCR_EPD1 (1u << 23)
#define T1SZ(n) ((uint32_t)(n) << 16)
#define MAIR0 0x0000ff00u                /* attribute 0: Device-nGnRnE; attribute 1: Normal, write-back */

#define DATA 0x48000000u                  /* physical memory the test mappings lead to */
#define CODE 0x800u

static u64 l1[4] __attribute__((aligned(32)));
static u64 l2[512] __attribute__((aligned(4096)));     /* 0x80000000: 2 MB blocks, and a table at 0x80200000 */
static u64 l3[512] __attribute__((aligned(4096)));     /* 0x80200000: 4 KB pages */
static u64 high[512] __attribute__((aligned(4096)));   /* what TTBR1 leads to */
static volatile uint32_t marker = 0x600df00du;

#define MCRR(op1, crm, v) do { u64 v_ = (v); __asm__ volatile("mcrr p15, " #op1 ", %0, %1, c" #crm : : "r"((uint32_t)v_), "r"((uint32_t)(v_ >> 32)) : "memory"); } while (0)
#define MRRC(op1, crm) ({ uint32_t lo_, hi_; __asm__ volatile("mrrc p15, " #op1 ", %0, %1, c" #crm : "=r"(lo_), "=r"(hi_)); ((u64)hi_ << 32) | lo_; })

static u64 block(uint32_t pa, u64 attributes) { return pa | DESC_BLOCK | AF | ISH | ATTR(1) | attributes; }
static u64 page(uint32_t pa, u64 attributes) { return pa | DESC_PAGE | AF | ISH | ATTR(1) | attributes; }

static void set_ttbcr(uint32_t v) { MCR(0, 2, 0, 2, v); isb(); tlbiall(); }
static void sync_tables(void) { dsb(); tlbiall(); }

static void lpae_on(void)
{
    l1[0] = DESC_BLOCK | AF | ATTR(0);                       /* devices, PL1 only */
    l1[1] = block(RAM_BASE, 0);                              /* RAM, identity, PL1 only */
    l1[2] = (uint32_t)l2 | DESC_TABLE;
    l1[3] = 0;                                               /* nothing: level 1 translation fault */
    MCR(0, 10, 2, 0, MAIR0);
    MCR(0, 10, 2, 1, 0);
    MCR(0, 2, 0, 2, TTBCR_EAE);
    MCRR(0, 2, (uint32_t)l1);
    sync_tables();
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) | 1);
    isb();
}

static void accesses(const char *name, uint32_t va)
{
    char what[64];
    uint32_t v;
    snprintf(what, sizeof what, "%s PL1 read", name); v = try_read(va); show(what, v);
    snprintf(what, sizeof what, "%s PL1 write", name); v = try_write(va, 0x1234); show(what, v);
    snprintf(what, sizeof what, "%s PL0 read", name); v = try_read_user(va); show(what, v);
    snprintf(what, sizeof what, "%s PL0 write", name); v = try_write_user(va, 0x5678); show(what, v);
}

static void show_par(const char *what, uint32_t va, int user_write)
{
    if (user_write) MCR(0, 7, 8, 3, va); else MCR(0, 7, 8, 0, va);
    isb();
    u64 par = MRRC(0, 7);
    printf("%-30s PAR %08lx%08lx (MRC %08lx)\n", what, (unsigned long)(par >> 32), (unsigned long)par, (unsigned long)MRC(0, 7, 4, 0));
}

int main(void)
{
    catch_aborts();
    lpae_on();
    u64 ttbr0 = MRRC(0, 2);
    printf("SCTLR.M %lu TTBCR %08lx TTBR0 %08lx%08lx (MRC %08lx)\n", (unsigned long)(MRC(0, 1, 0, 0) & 1),
           (unsigned long)MRC(0, 2, 0, 2), (unsigned long)(ttbr0 >> 32), (unsigned long)ttbr0, (unsigned long)MRC(0, 2, 0, 0));
    MCRR(0, 2, ((u64)0x12 << 48) | (uint32_t)l1);
    ttbr0 = MRRC(0, 2);
    printf("TTBR0 with ASID %08lx%08lx\n", (unsigned long)(ttbr0 >> 32), (unsigned long)ttbr0);
    MCRR(0, 2, (uint32_t)l1);

    /* Translation faults at each level; a level 3 descriptor of type 01 is reserved. */
    l2[0] = block(DATA, AP(1));
    l2[1] = (uint32_t)l3 | DESC_TABLE;
    l3[0] = page(DATA + 0x1000u, AP(1));
    l3[2] = (DATA + 0x2000u) | 1u | AF;
    sync_tables();
    show("level 1 translation", try_read(0xc0000004u));
    show("level 1 translation write", try_write(0xc0000008u, 1));
    show("level 2 translation", try_read(0x80400000u));
    show("level 3 translation", try_read(0x80201000u));
    show("level 3 reserved type", try_read(0x80202000u));
    show("level 2 block", try_read(0x80000010u));
    show("level 3 page", try_write(0x80200010u, 0x77));
    printf("through the identity map %08lx\n", (unsigned long)*(volatile uint32_t *)(DATA + 0x1010u));

    /* Domains do not apply to long descriptors: a DACR of no access anywhere changes nothing. */
    MCR(0, 3, 0, 0, 0);
    isb();
    show("DACR no access: level 3 page", try_read(0x80200010u));
    MCR(0, 3, 0, 0, 0x55555555u);
    isb();

    /* The access flag always faults when clear. */
    l1[3] = block(RAM_BASE, 0) & ~(u64)AF;
    l2[0] = block(DATA, AP(1)) & ~(u64)AF;
    l3[0] = page(DATA + 0x1000u, AP(1)) & ~(u64)AF;
    sync_tables();
    show("level 1 access flag", try_read(0xc0000000u));
    show("level 2 access flag", try_write(0x80000000u, 2));
    show("level 3 access flag", try_read(0x80200000u));
    l1[3] = block(RAM_BASE, 0);
    sync_tables();
    show("level 1 block", try_read(0xc0000000u + ((uint32_t)&marker - RAM_BASE)));
    l1[3] = 0;
    sync_tables();

    /* AP[2:1] at each privilege, for blocks and pages. */
    for (unsigned ap = 0; ap < 4; ap++) {
        char name[32];
        l2[0] = block(DATA, AP(ap));
        l3[0] = page(DATA + 0x1000u, AP(ap));
        sync_tables();
        snprintf(name, sizeof name, "AP=%u%u block", ap >> 1, ap & 1);
        accesses(name, 0x80000020u);
        snprintf(name, sizeof name, "AP=%u%u page", ap >> 1, ap & 1);
        accesses(name, 0x80200020u);
    }

    /* APTable: bit 0 takes PL0 access away below the table, bit 1 writes. */
    l3[0] = page(DATA + 0x1000u, AP(1));
    for (unsigned t = 1; t < 4; t++) {
        char name[32];
        l2[1] = (uint32_t)l3 | DESC_TABLE | AP_TABLE(t);
        sync_tables();
        snprintf(name, sizeof name, "APTable=%u%u", t >> 1, t & 1);
        accesses(name, 0x80200024u);
    }
    l2[1] = (uint32_t)l3 | DESC_TABLE;

    /* Execute-never: "mov r0, #42; bx lr" in the data page, run through the test mappings. */
    ((volatile uint32_t *)(DATA + 0x1000u + CODE))[0] = 0xe3a0002a;
    ((volatile uint32_t *)(DATA + 0x1000u + CODE))[1] = 0xe12fff1e;
    ((volatile uint32_t *)(DATA + CODE))[0] = 0xe3a0002b;
    ((volatile uint32_t *)(DATA + CODE))[1] = 0xe12fff1e;
    dsb();
    l2[0] = block(DATA, AP(0));
    l3[0] = page(DATA + 0x1000u, AP(0));
    sync_tables();
    show("execute block", try_call(0x80000000u + CODE));
    show("execute page", try_call(0x80200000u + CODE));
    l2[0] = block(DATA, AP(0) | XN);
    l3[0] = page(DATA + 0x1000u, AP(0) | PXN);
    sync_tables();
    show("execute XN block", try_call(0x80000000u + CODE));
    show("execute PXN page", try_call(0x80200000u + CODE));
    l3[0] = page(DATA + 0x1000u, AP(0));
    l2[1] = (uint32_t)l3 | DESC_TABLE | XN_TABLE;
    sync_tables();
    show("execute under XNTable", try_call(0x80200000u + CODE));
    l2[1] = (uint32_t)l3 | DESC_TABLE | PXN_TABLE;
    sync_tables();
    show("execute under PXNTable", try_call(0x80200000u + CODE));
    l2[1] = (uint32_t)l3 | DESC_TABLE;
    l3[0] = page(DATA + 0x1000u, AP(0)) & ~(u64)AF;
    sync_tables();
    show("execute, access flag clear", try_call(0x80200000u + CODE));
    show("execute unmapped", try_call(0xc0000000u));
    l3[0] = page(DATA + 0x1000u, AP(0));
    sync_tables();

    /* ATS1CPR and ATS1CUW answer in the 64-bit PAR. */
    show_par("ATS1CPR block", 0x80000123u, 0);
    show_par("ATS1CPR page", 0x80200456u, 0);
    show_par("ATS1CPR identity", 0x40123456u, 0);
    show_par("ATS1CPR device", 0x09000000u, 0);
    show_par("ATS1CPR unmapped", 0x80400000u, 0);
    show_par("ATS1CUW PL1-only page", 0x80200000u, 1);
    l3[0] = page(DATA + 0x1000u, AP(0)) & ~(u64)AF;
    sync_tables();
    show_par("ATS1CPR access flag", 0x80200000u, 0);
    l3[0] = page(DATA + 0x1000u, AP(1));
    sync_tables();

    /* TTBR1 from the top: T1SZ = 2 leaves TTBR1 the last 1 GB, with its walk starting at level 2. */
    high[0] = block(DATA, AP(1));
    high[1] = (uint32_t)l3 | DESC_TABLE;
    MCRR(1, 2, (uint32_t)high);
    set_ttbcr(TTBCR_EAE | T1SZ(2));
    show("TTBR1 level 2 block", try_read(0xc0000010u));
    show("TTBR1 through level 3", try_read(0xc0200020u));
    show("TTBR1 level 2 translation", try_read(0xc0400000u));
    show("TTBR0 below TTBR1", try_read(0x80000010u));
    set_ttbcr(TTBCR_EAE | T1SZ(2) | TTBCR_EPD1);
    show("TTBR1 walks disabled", try_read(0xc0000010u));
    show_par("ATS1CPR EPD1", 0xc0000010u, 0);
    /* T0SZ = 1 and T1SZ = 2 leave 2-3 GB to neither. */
    set_ttbcr(TTBCR_EAE | 1u | T1SZ(2));
    show("between TTBR0 and TTBR1", try_read(0x80000010u));
    show("TTBR1 again", try_read(0xc0000014u));
    show("TTBR0 with T0SZ=1", try_read((uint32_t)&marker));
    set_ttbcr(TTBCR_EAE);
    u64 ttbr1 = MRRC(1, 2);
    printf("TTBR1 %08lx%08lx (MRC %08lx)\n", (unsigned long)(ttbr1 >> 32), (unsigned long)ttbr1, (unsigned long)MRC(0, 2, 0, 1));

    /* Nothing at a physical address (where QEMU's GIC would have its virtual CPU interface, which this
       processor without the Virtualization Extensions lacks): synchronous external aborts. */
    show("read from nothing", try_read(0x08040000u));
    show("write to nothing", try_write(0x08040004u, 1));
    l1[0] = DESC_BLOCK | AF | ATTR(1);
    sync_tables();
    show("execute nothing", try_call(0x08040000u));
    l1[0] = DESC_BLOCK | AF | ATTR(0);
    sync_tables();

    /* Alignment faults report in the long format too. */
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) | 2u);
    isb();
    show("unaligned read, A=1", try_read(0x80000031u));
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) & ~2u);
    isb();

    printf("DFSR %08lx IFSR %08lx\n", (unsigned long)MRC(0, 5, 0, 0), (unsigned long)MRC(0, 5, 0, 1));

    /* With the MMU off the translation is flat, reported in the long format while EAE is set. */
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) & ~1u);
    isb();
    show_par("ATS1CPR, MMU off", 0x40123456u, 0);
    show_par("ATS1CPR, MMU off, device", 0x09000000u, 0);
    return 0;
}
