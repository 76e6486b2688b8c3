/* The GICv2 as the virt board presents it: identification, reset values and each distributor and
 * CPU-interface register's semantics; SGIs to this CPU (IAR names the sending CPU), the priority
 * mask, preemption by priority and the binary point, groups (1022 without AckCtl, group 0 as FIQ),
 * spurious acknowledges, and interrupts taken as IRQ/FIQ exceptions in priority order, held off
 * while CPSR.I masks them. Everything printed is defined by the GIC architecture or copied by the
 * model from QEMU on purpose (the ID registers). */
#include <stdlib.h>
#include "system.h"
#include "gic.h"

static volatile uint32_t taken[16];
static volatile int ntaken;

/* Acknowledges, records (FIQ ones with bit 16 set) and ends each interrupt; returns to the interrupted instruction. */
static uint32_t handler(enum exception_kind kind, struct frame *frame)
{
    if (kind != EXC_IRQ && kind != EXC_FIQ) {
        printf("unexpected %s exception at %08lx\n", exception_name(kind), (unsigned long)frame->lr);
        exit(98);
    }
    uint32_t iar = gicc_read(GICC_IAR);
    if (ntaken < 16) taken[ntaken++] = iar | (kind == EXC_FIQ ? 0x10000u : 0);
    if ((iar & 0x3ff) < 1020) gicc_write(GICC_EOIR, iar);
    return frame->lr - 4;
}

static void show(const char *name, uint32_t value) { printf("%-34s %08lx\n", name, (unsigned long)value); }

static void show_taken(const char *what)
{
    printf("%-34s", what);
    for (int k = 0; k < ntaken; k++) printf(" %s%lx", taken[k] & 0x10000 ? "fiq:" : "", (unsigned long)(taken[k] & 0xffff));
    printf("\n");
    ntaken = 0;
}

static void sgi_to_self(uint32_t id) { gicd_write(GICD_SGIR, (2u << 24) | id); }

int main(void)
{
    install_vectors();
    on_exception = handler;

    show("GICD_TYPER", gicd_read(GICD_TYPER));
    show("GICD_IIDR", gicd_read(GICD_IIDR));
    show("GICC_IIDR", gicc_read(GICC_IIDR));
    show("GICD_PIDR2", gicd_read(0xFE8));
    show("GICD_CIDR0", gicd_read(0xFF0));

    show("reset GICD_CTLR", gicd_read(GICD_CTLR));
    show("reset GICC_CTLR", gicc_read(GICC_CTLR));
    show("reset GICC_PMR", gicc_read(GICC_PMR));
    show("reset GICC_BPR", gicc_read(GICC_BPR));
    show("reset GICC_ABPR", gicc_read(GICC_ABPR));
    show("reset GICC_RPR", gicc_read(GICC_RPR));
    show("reset GICC_HPPIR", gicc_read(GICC_HPPIR));
    show("reset GICC_IAR (disabled)", gicc_read(GICC_IAR));
    show("reset ISENABLER0", gicd_read(GICD_ISENABLER));
    show("reset ISENABLER1", gicd_read(GICD_ISENABLER + 4));
    show("reset ICFGR0 (SGIs)", gicd_read(GICD_ICFGR));
    show("reset ICFGR1 (PPIs)", gicd_read(GICD_ICFGR + 4));
    show("reset ICFGR2", gicd_read(GICD_ICFGR + 8));
    show("reset IGROUPR0", gicd_read(GICD_IGROUPR));
    show("reset IPRIORITYR0", gicd_read(GICD_IPRIORITYR));
    show("ITARGETSR0 (uniprocessor)", gicd_read(GICD_ITARGETSR));
    gicd_write(GICD_ITARGETSR + 40, 0x01010101);
    show("ITARGETSR10 after write", gicd_read(GICD_ITARGETSR + 40));

    /* Enables: SGIs cannot be disabled; PPIs and SPIs can. */
    gicd_write(GICD_ICENABLER, 0xffffffff);
    show("ISENABLER0 after ICENABLER0 ~0", gicd_read(GICD_ISENABLER));
    gicd_write(GICD_ISENABLER + 4, 0x00000f00);
    gicd_write(GICD_ICENABLER + 4, 0x00000300);
    show("ISENABLER1 set f00, clear 300", gicd_read(GICD_ISENABLER + 4));
    show("ICENABLER1 reads the same", gicd_read(GICD_ICENABLER + 4));
    gicd_write(GICD_ICENABLER + 4, 0xffffffff);

    /* Priorities are byte-accessible, 8 bits. */
    gicd_write8(GICD_IPRIORITYR + 41, 0xa5);
    gicd_write8(GICD_IPRIORITYR + 43, 0xff);
    show("IPRIORITYR10 bytes 1 and 3", gicd_read(GICD_IPRIORITYR + 40));
    gicd_write(GICD_IPRIORITYR + 40, 0);

    /* Configuration: bit 1 of each field is edge-triggered; SGIs stay edge-triggered. */
    gicd_write(GICD_ICFGR + 8, 0x55aa55aa);
    show("ICFGR2 after 55aa55aa", gicd_read(GICD_ICFGR + 8));
    gicd_write(GICD_ICFGR + 8, 0);
    gicd_write(GICD_ICFGR, 0);
    show("ICFGR0 after 0", gicd_read(GICD_ICFGR));

    /* Groups. */
    gicd_write(GICD_IGROUPR + 4, 0xffff0000);
    show("IGROUPR1 after ffff0000", gicd_read(GICD_IGROUPR + 4));
    gicd_write(GICD_IGROUPR + 4, 0);

    /* Control registers and the CPU interface's masks. */
    gicd_write(GICD_CTLR, 0xffffffff);
    show("GICD_CTLR after ~0", gicd_read(GICD_CTLR));
    gicc_write(GICC_CTLR, 0x21f);
    show("GICC_CTLR after 21f", gicc_read(GICC_CTLR));
    gicc_write(GICC_PMR, 0xff);
    show("GICC_PMR after ff", gicc_read(GICC_PMR));
    gicc_write(GICC_BPR, 7);
    show("GICC_BPR after 7", gicc_read(GICC_BPR));
    gicc_write(GICC_BPR, 0);
    show("GICC_BPR after 0", gicc_read(GICC_BPR));
    gicc_write(GICC_ABPR, 0);
    show("GICC_ABPR after 0 (minimum 1)", gicc_read(GICC_ABPR));
    gicc_write(GICC_ABPR, 5);
    show("GICC_ABPR after 5", gicc_read(GICC_ABPR));
    gicc_write(GICC_ABPR, 1);

    /* Pending and active bits of an SPI, set and cleared by software; SGIs ignore ISPENDR. */
    gicd_set_bit(GICD_ISPENDR, 40);
    show("ISPENDR1 after set 40", gicd_read(GICD_ISPENDR + 4));
    gicd_set_bit(GICD_ICPENDR, 40);
    show("ISPENDR1 after clear 40", gicd_read(GICD_ISPENDR + 4));
    gicd_set_bit(GICD_ISACTIVER, 41);
    show("ISACTIVER1 after set 41", gicd_read(GICD_ISACTIVER + 4));
    gicd_set_bit(GICD_ICACTIVER, 41);
    show("ISACTIVER1 after clear 41", gicd_read(GICD_ISACTIVER + 4));
    gicd_write(GICD_ISPENDR, 0xffff);
    show("ISPENDR0 after ISPENDR0 ffff", gicd_read(GICD_ISPENDR));

    /* From here on: distributor and CPU interface on for group 0 (signalled as IRQ), no priority mask. */
    gicd_write(GICD_CTLR, 1);
    gicc_write(GICC_CTLR, 1);
    gicc_write(GICC_PMR, 0xff);
    show("GICC_IAR (nothing pending)", gicc_read(GICC_IAR));

    /* An SGI to this CPU, acknowledged and ended by polling (CPSR.I masks the IRQ meanwhile). */
    sgi_to_self(5);
    show("SGI 5: ISPENDR0", gicd_read(GICD_ISPENDR));
    show("SGI 5: SPENDSGIR1", gicd_read(GICD_SPENDSGIR + 4));
    show("SGI 5: HPPIR", gicc_read(GICC_HPPIR));
    show("SGI 5: IAR", gicc_read(GICC_IAR));
    show("SGI 5: ISPENDR0 after IAR", gicd_read(GICD_ISPENDR));
    show("SGI 5: ISACTIVER0 after IAR", gicd_read(GICD_ISACTIVER));
    show("SGI 5: RPR after IAR", gicc_read(GICC_RPR));
    show("SGI 5: HPPIR after IAR", gicc_read(GICC_HPPIR));
    gicc_write(GICC_EOIR, 5);
    show("SGI 5: ISACTIVER0 after EOIR", gicd_read(GICD_ISACTIVER));
    show("SGI 5: RPR after EOIR", gicc_read(GICC_RPR));

    /* The target-list filter naming CPU 0; CPENDSGIR takes it back; SPENDSGIR sets one. */
    gicd_write(GICD_SGIR, (0u << 24) | (1u << 16) | 3);
    show("SGI 3 by list: ISPENDR0", gicd_read(GICD_ISPENDR));
    gicd_write8(GICD_CPENDSGIR + 3, 1);
    show("SGI 3 after CPENDSGIR: ISPENDR0", gicd_read(GICD_ISPENDR));
    gicd_write8(GICD_SPENDSGIR + 9, 1);
    show("SGI 9 by SPENDSGIR: ISPENDR0", gicd_read(GICD_ISPENDR));
    show("SGI 9: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 9);

    /* The priority mask: only priorities below PMR are signalled. */
    gicd_write8(GICD_IPRIORITYR + 3, 0x80);
    gicc_write(GICC_PMR, 0x80);
    sgi_to_self(3);
    show("PMR 80, SGI 3 at 80: HPPIR", gicc_read(GICC_HPPIR));
    show("PMR 80, SGI 3 at 80: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_PMR, 0x90);
    show("PMR 90: HPPIR", gicc_read(GICC_HPPIR));
    show("PMR 90: IAR", gicc_read(GICC_IAR));
    show("PMR 90: RPR", gicc_read(GICC_RPR));
    gicc_write(GICC_EOIR, 3);
    gicc_write(GICC_PMR, 0xff);

    /* Two pending: the higher priority (lower value) first; the other cannot preempt it. */
    gicd_write8(GICD_IPRIORITYR + 1, 0xa0);
    gicd_write8(GICD_IPRIORITYR + 2, 0x40);
    sgi_to_self(1);
    sgi_to_self(2);
    show("SGIs 1 (a0) and 2 (40): HPPIR", gicc_read(GICC_HPPIR));
    show("first IAR", gicc_read(GICC_IAR));
    show("RPR", gicc_read(GICC_RPR));
    show("second IAR (cannot preempt)", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 2);
    show("IAR after EOIR 2", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 1);
    show("RPR after both", gicc_read(GICC_RPR));

    /* Preemption: a higher-priority interrupt is acknowledged while a lower one is active. */
    sgi_to_self(1);
    show("SGI 1: IAR", gicc_read(GICC_IAR));
    sgi_to_self(2);
    show("SGI 2 while 1 active: IAR", gicc_read(GICC_IAR));
    show("RPR with both active", gicc_read(GICC_RPR));
    show("ISACTIVER0 with both active", gicd_read(GICD_ISACTIVER));
    gicc_write(GICC_EOIR, 2);
    show("RPR after EOIR 2", gicc_read(GICC_RPR));
    gicc_write(GICC_EOIR, 1);
    show("RPR after EOIR 1", gicc_read(GICC_RPR));

    /* Binary point 7: no group priority bits, so nothing preempts. */
    gicc_write(GICC_BPR, 7);
    sgi_to_self(1);
    show("BPR 7, SGI 1: IAR", gicc_read(GICC_IAR));
    sgi_to_self(2);
    show("BPR 7, SGI 2 while 1 active: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 1);
    show("BPR 7, after EOIR 1: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 2);
    gicc_write(GICC_BPR, 0);

    /* EOImode: EOIR only drops the priority; GICC_DIR deactivates. */
    gicc_write(GICC_CTLR, 1 | (1u << 9));
    sgi_to_self(4);
    show("EOImode, SGI 4: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 4);
    show("EOImode, after EOIR: RPR", gicc_read(GICC_RPR));
    show("EOImode, after EOIR: ISACTIVER0", gicd_read(GICD_ISACTIVER));
    gicc_write(GICC_DIR, 4);
    show("EOImode, after DIR: ISACTIVER0", gicd_read(GICD_ISACTIVER));
    gicc_write(GICC_CTLR, 1);

    /* Spurious: nothing pending acknowledges as 1023, and ending 1023 changes nothing. */
    show("spurious IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 1023);
    show("RPR after EOIR 1023", gicc_read(GICC_RPR));

    /* Group 1 without AckCtl acknowledges as 1022 (and stays pending); with AckCtl, as itself. */
    gicd_write(GICD_CTLR, 3);
    gicc_write(GICC_CTLR, 3);
    gicd_write(GICD_IGROUPR, 1u << 8);
    sgi_to_self(8);
    show("group 1 SGI 8: HPPIR", gicc_read(GICC_HPPIR));
    show("group 1 SGI 8: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_CTLR, 3 | 4);
    show("AckCtl: HPPIR", gicc_read(GICC_HPPIR));
    show("AckCtl: IAR", gicc_read(GICC_IAR));
    gicc_write(GICC_EOIR, 8);
    show("RPR after EOIR 8", gicc_read(GICC_RPR));
    gicd_write(GICD_IGROUPR, 0);

    /* Interrupts taken as exceptions: three SGIs pending while masked arrive in priority order. */
    gicc_write(GICC_CTLR, 1);
    gicd_write(GICD_CTLR, 1);
    gicd_write8(GICD_IPRIORITYR + 4, 0x60);
    sgi_to_self(1);
    sgi_to_self(2);
    sgi_to_self(4);
    for (volatile int k = 0; k < 1000; k++) {}
    show("taken while CPSR.I masks them", (uint32_t)ntaken);
    irq_enable();
    while (ntaken < 3) {}
    irq_disable();
    show_taken("taken after CPSIE i, in order:");

    /* An SPI made pending by software, enabled, taken as an IRQ. */
    gicd_write8(GICD_IPRIORITYR + 40, 0x10);
    gicd_set_bit(GICD_ISENABLER, 40);
    gicd_set_bit(GICD_ISPENDR, 40);
    irq_enable();
    while (ntaken < 1) {}
    irq_disable();
    show_taken("SPI 40 taken:");
    gicd_set_bit(GICD_ICENABLER, 40);

    /* Group 0 as FIQ when FIQEn is set: taken through the FIQ vector once CPSR.F allows it. */
    gicc_write(GICC_CTLR, 1 | 8);
    sgi_to_self(7);
    show("FIQEn, SGI 7 taken while F masked", (uint32_t)ntaken);
    fiq_enable();
    while (ntaken < 1) {}
    fiq_disable();
    show_taken("SGI 7 taken as:");

    show("final RPR", gicc_read(GICC_RPR));
    show("final ISACTIVER0", gicd_read(GICD_ISACTIVER));
    show("final ISPENDR0", gicd_read(GICD_ISPENDR));
    return 0;
}
