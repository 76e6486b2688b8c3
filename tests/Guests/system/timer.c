/* The generic timer through CP15 and the GIC: CNTFRQ, CNTKCTL and what it lets User mode reach
 * (everything else there is UNDEFINED), the physical and virtual counts, CVAL and TVAL (a signed
 * view of CVAL - count), CTL's ENABLE, IMASK and ISTATUS, the level-sensitive PPIs 30 (physical) and
 * 27 (virtual) as the GIC sees them, timer interrupts taken after WFI and acknowledged with IAR/EOIR,
 * and an interrupt held off while CPSR.I masks it. Only relations between counts are printed, never
 * counts themselves, so the output does not depend on timing. */
#include <stdlib.h>
#include "system.h"
#include "gic.h"

static volatile uint32_t taken_id[16], taken_ctl[16];
static volatile int ntaken, undefined;

static uint32_t handler(enum exception_kind kind, struct frame *frame)
{
    switch (kind) {
    case EXC_IRQ: {
        uint32_t iar = gicc_read(GICC_IAR), id = iar & 0x3ff;
        uint32_t ctl = id == IRQ_PHYS_TIMER ? CNTP_CTL() : id == IRQ_VIRT_TIMER ? CNTV_CTL() : 0;
        /* Turning the timer off lowers its level-sensitive line before the interrupt ends. */
        if (id == IRQ_PHYS_TIMER) SET_CNTP_CTL(0);
        if (id == IRQ_VIRT_TIMER) SET_CNTV_CTL(0);
        if (ntaken < 16) { taken_id[ntaken] = iar; taken_ctl[ntaken] = ctl; ntaken++; }
        if (id < 1020) gicc_write(GICC_EOIR, iar);
        return frame->lr - 4;
    }
    case EXC_UNDEFINED:
        undefined++;
        return frame->lr;                     /* the instruction after the undefined one (ARM state) */
    case EXC_SVC:
        /* The User-mode probes below come back to SVC mode through an SVC. */
        frame->spsr = (frame->spsr & ~0x1fu) | 0x13;
        return frame->lr;
    default:
        printf("unexpected %s exception at %08lx\n", exception_name(kind), (unsigned long)frame->lr);
        exit(98);
    }
}

static void show(const char *name, uint32_t value) { printf("%-44s %08lx\n", name, (unsigned long)value); }

/* Runs one instruction in User mode; returns whether it was UNDEFINED there. */
#define USER_UNDEFINED(insn) ({ int before_ = undefined; \
    __asm__ volatile("cps #0x10\n\t" insn "\n\tsvc #1" : : : "r0", "r1", "lr", "cc", "memory"); undefined - before_; })

static void user_access(uint32_t kctl)
{
    SET_CNTKCTL(kctl);
    isb();
    printf("CNTKCTL %03lx: User mode UNDEFINED for CNTFRQ %d CNTPCT %d CNTVCT %d CNTP_CTL %d CNTP_CVAL %d CNTV_TVAL %d CNTV_CVAL %d, CNTFRQ write %d, CNTKCTL %d\n",
           (unsigned long)kctl,
           USER_UNDEFINED("mrc p15, 0, r0, c14, c0, 0"),
           USER_UNDEFINED("mrrc p15, 0, r0, r1, c14"),
           USER_UNDEFINED("mrrc p15, 1, r0, r1, c14"),
           USER_UNDEFINED("mrc p15, 0, r0, c14, c2, 1"),
           USER_UNDEFINED("mrrc p15, 2, r0, r1, c14"),
           USER_UNDEFINED("mrc p15, 0, r0, c14, c3, 0"),
           USER_UNDEFINED("mrrc p15, 3, r0, r1, c14"),
           USER_UNDEFINED("mcr p15, 0, r0, c14, c0, 0"),
           USER_UNDEFINED("mrc p15, 0, r0, c14, c1, 0"));
}

static void spin(int n) { for (volatile int k = 0; k < n; k++) {} }

/* Arms a timer `ticks` ahead and waits for its interrupt `times` times: WFI with IRQs masked wakes on
 * the pending interrupt, which is taken once CPSIE lets it in. */
static void tick(int virtual, int times, uint32_t ticks)
{
    ntaken = 0;
    for (int k = 0; k < times; k++) {
        if (virtual) { SET_CNTV_TVAL(ticks); SET_CNTV_CTL(CTL_ENABLE); }
        else { SET_CNTP_TVAL(ticks); SET_CNTP_CTL(CTL_ENABLE); }
        isb();
        while (ntaken == k) {
            wfi();
            irq_enable();
            isb();
            irq_disable();
        }
    }
    int same = 1;
    for (int k = 0; k < times; k++)
        same &= taken_id[k] == (uint32_t)(virtual ? IRQ_VIRT_TIMER : IRQ_PHYS_TIMER) && (taken_ctl[k] & 7) == (CTL_ENABLE | CTL_ISTATUS);
    printf("%s timer: %d interrupts, each ID %d with CTL ENABLE|ISTATUS: %d\n", virtual ? "virtual" : "physical", ntaken,
           virtual ? IRQ_VIRT_TIMER : IRQ_PHYS_TIMER, same);
}

int main(void)
{
    install_vectors();
    on_exception = handler;

    show("CNTFRQ", CNTFRQ());
    MCR(0, 14, 0, 0, 0x01234567);
    show("CNTFRQ after writing 01234567 at PL1", CNTFRQ());
    MCR(0, 14, 0, 0, 0x03b9aca0);
    show("CNTKCTL at reset", CNTKCTL());
    SET_CNTKCTL(0x3ff);
    show("CNTKCTL after 3ff", CNTKCTL());
    SET_CNTKCTL(0);
    show("CNTP_CTL ENABLE|IMASK at reset", CNTP_CTL() & 3);
    show("CNTV_CTL ENABLE|IMASK at reset", CNTV_CTL() & 3);

    uint64_t p1 = CNTPCT(), v = CNTVCT(), p2 = CNTPCT();
    spin(100000);
    uint64_t p3 = CNTPCT();
    show("CNTPCT <= CNTVCT <= CNTPCT (CNTVOFF 0)", p1 <= v && v <= p2);
    show("CNTPCT advances", p3 > p2);

    SET_CNTP_CVAL(0x123456789abcdef0ull);
    show("CNTP_CVAL high word after write", (uint32_t)(CNTP_CVAL() >> 32));
    show("CNTP_CVAL low word after write", (uint32_t)CNTP_CVAL());
    SET_CNTV_CVAL(0x0fedcba987654321ull);
    show("CNTV_CVAL high word after write", (uint32_t)(CNTV_CVAL() >> 32));
    show("CNTV_CVAL low word after write", (uint32_t)CNTV_CVAL());

    /* ISTATUS: the count has reached CVAL, whatever IMASK says. */
    SET_CNTP_CVAL(0);
    SET_CNTP_CTL(CTL_ENABLE | CTL_IMASK);
    show("CTL with CVAL 0, ENABLE|IMASK", CNTP_CTL());
    SET_CNTP_CVAL(CNTPCT() + 1000000000u);
    show("CTL with CVAL 1e9 ahead", CNTP_CTL());
    int32_t tval = (int32_t)CNTP_TVAL();
    show("TVAL then in (0, 1e9]", tval > 0 && tval <= 1000000000);
    spin(1000);
    show("TVAL counts down", (int32_t)CNTP_TVAL() < tval);

    /* Writing TVAL sets CVAL to the count plus its signed value. */
    uint64_t before = CNTPCT();
    SET_CNTP_TVAL(50000000);
    uint64_t after = CNTPCT(), cval = CNTP_CVAL();
    show("CVAL after TVAL 5e7 within count + 5e7", before + 50000000 <= cval && cval <= after + 50000000);
    before = CNTPCT();
    SET_CNTP_TVAL((uint32_t)-1000);
    after = CNTPCT();
    cval = CNTP_CVAL();
    show("CVAL after TVAL -1000 within count - 1000", before - 1000 <= cval && cval <= after - 1000);
    show("TVAL then negative", (int32_t)CNTP_TVAL() < 0);
    show("CTL then (ISTATUS)", CNTP_CTL());
    SET_CNTV_TVAL((uint32_t)-1);
    SET_CNTV_CTL(CTL_ENABLE | CTL_IMASK);
    show("virtual CTL after TVAL -1", CNTV_CTL());
    SET_CNTV_CTL(0);
    SET_CNTP_CTL(0);

    /* The PPIs: level-sensitive, pending exactly while the timer's output (ISTATUS and not IMASK) is up. */
    gicd_write(GICD_CTLR, 1);
    gicc_write(GICC_CTLR, 1);
    gicc_write(GICC_PMR, 0xff);
    gicd_set_bit(GICD_ISENABLER, IRQ_PHYS_TIMER);
    gicd_set_bit(GICD_ISENABLER, IRQ_VIRT_TIMER);
    show("ICFGR1 (PPIs level-sensitive)", gicd_read(GICD_ICFGR + 4));
    SET_CNTP_CVAL(0);
    SET_CNTP_CTL(CTL_ENABLE | CTL_IMASK);
    show("ENABLE|IMASK, due: PPI 30 pending", gicd_bit(GICD_ISPENDR, IRQ_PHYS_TIMER));
    SET_CNTP_CTL(CTL_ENABLE);
    show("ENABLE, due: PPI 30 pending", gicd_bit(GICD_ISPENDR, IRQ_PHYS_TIMER));
    show("ENABLE, due: HPPIR", gicc_read(GICC_HPPIR));
    SET_CNTP_CTL(CTL_ENABLE | CTL_IMASK);
    show("IMASK again: PPI 30 pending", gicd_bit(GICD_ISPENDR, IRQ_PHYS_TIMER));
    show("IMASK again: HPPIR", gicc_read(GICC_HPPIR));
    SET_CNTP_CTL(CTL_ENABLE);
    show("acknowledged: IAR", gicc_read(GICC_IAR));
    show("acknowledged, line up: pending", gicd_bit(GICD_ISPENDR, IRQ_PHYS_TIMER));
    show("acknowledged, line up: active", gicd_bit(GICD_ISACTIVER, IRQ_PHYS_TIMER));
    SET_CNTP_CTL(0);
    show("timer off: pending", gicd_bit(GICD_ISPENDR, IRQ_PHYS_TIMER));
    gicc_write(GICC_EOIR, IRQ_PHYS_TIMER);
    show("after EOIR: active", gicd_bit(GICD_ISACTIVER, IRQ_PHYS_TIMER));
    SET_CNTV_CVAL(0);
    SET_CNTV_CTL(CTL_ENABLE);
    show("virtual timer due: HPPIR", gicc_read(GICC_HPPIR));
    SET_CNTV_CTL(0);
    show("virtual timer off: HPPIR", gicc_read(GICC_HPPIR));

    /* Timer interrupts taken as IRQs, with WFI between them. */
    tick(0, 5, 20000);
    tick(1, 3, 20000);

    /* Held off while CPSR.I masks it: due and pending, but not taken until CPSIE. */
    ntaken = 0;
    SET_CNTP_TVAL(1000);
    SET_CNTP_CTL(CTL_ENABLE);
    while (!gicd_bit(GICD_ISPENDR, IRQ_PHYS_TIMER)) {}
    spin(10000);
    show("pending under CPSR.I: taken", (uint32_t)ntaken);
    irq_enable();
    while (ntaken == 0) {}
    irq_disable();
    show("after CPSIE i: taken", (uint32_t)ntaken);
    show("after CPSIE i: IAR was", taken_id[0]);

    /* What CNTKCTL lets User mode reach. */
    user_access(0);
    user_access(1);
    user_access(2);
    user_access(0x300);
    SET_CNTKCTL(0);
    return 0;
}
