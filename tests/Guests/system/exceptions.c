/* Each exception an instruction raises (undefined, SVC, BKPT as a prefetch abort, an alignment
 * fault as a data abort) in ARM and Thumb state: the mode and SPSR the handler sees, the link value's
 * offset from the instruction, the fault registers; and returns to where the handler chooses. */
#include "system.h"

static volatile uint32_t fault_pc, fault_address;
static uint32_t handler_cpsr, last_svc;

static uint32_t handler(enum exception_kind kind, struct frame *f)
{
    handler_cpsr = read_cpsr();
    printf("  %s: mode %02lx, spsr %08lx, lr = insn + %ld", exception_name(kind), (unsigned long)(handler_cpsr & 0x1f),
           (unsigned long)f->spsr, (long)(f->lr - fault_pc));
    printf(", I %lu A %lu F %lu T %lu\n", (unsigned long)(handler_cpsr >> 7) & 1, (unsigned long)(handler_cpsr >> 8) & 1,
           (unsigned long)(handler_cpsr >> 6) & 1, (unsigned long)(handler_cpsr >> 5) & 1);
    uint32_t thumb = f->spsr & 0x20;
    switch (kind) {
    case EXC_UNDEFINED:
        /* Skip the instruction: LR points 4 (ARM) or 2 (Thumb) past its start. */
        if (thumb && (*(uint16_t *)fault_pc >> 11) >= 0x1d) return fault_pc + 4;
        return f->lr;
    case EXC_SVC:
        last_svc = thumb ? *(uint16_t *)(f->lr - 2) & 0xff : *(uint32_t *)(f->lr - 4) & 0xffffff;
        return f->lr;
    case EXC_PREFETCH_ABORT:
        printf("    IFSR %03lx\n", (unsigned long)MRC(0, 5, 0, 1) & 0x40f);
        return f->lr;
    case EXC_DATA_ABORT:
        printf("    DFSR %03lx, DFAR = address + %ld\n", (unsigned long)MRC(0, 5, 0, 0) & 0xcff, (long)MRC(0, 6, 0, 0) - (long)fault_address);
        return f->lr - 4;
    default:
        return f->lr;
    }
}

/* Each probe records the address of its faulting instruction in fault_pc, then raises the exception. */
extern void arm_udf(void), arm_svc(void), arm_bkpt(void), arm_undefined_coprocessor(void);
extern void thumb_udf(void), thumb_udf_w(void), thumb_svc(void), thumb_bkpt(void);
extern uint32_t arm_unaligned_load(uint32_t *address);
__asm__(
    ".syntax unified\n.arm\n"
    ".macro PROBE name, insn\n"
    ".global \\name\n"
    "\\name:\n"
    "  push {r4, lr}\n"
    "  ldr r4, =fault_pc\n"
    "  adr r0, 1f\n"
    "  str r0, [r4]\n"
    "1: \\insn\n"
    "  pop {r4, pc}\n"
    ".endm\n"
    "PROBE arm_udf, \"udf #0x1234\"\n"
    "PROBE arm_svc, \"svc #0x4321\"\n"
    "PROBE arm_bkpt, \"bkpt #0x11\"\n"
    "PROBE arm_undefined_coprocessor, \"mcr p7, 0, r0, c1, c2, 3\"\n"
    ".global arm_unaligned_load\n"
    "arm_unaligned_load:\n"
    "  ldr r1, =fault_address\n"
    "  str r0, [r1]\n"
    "  ldr r1, =fault_pc\n"
    "  adr r2, 2f\n"
    "  str r2, [r1]\n"
    "  mov r1, r0\n"
    "  mov r0, #0\n"
    "2: ldr r0, [r1]\n"
    "  bx lr\n"
    ".ltorg\n"
    ".thumb\n"
    ".macro TPROBE name, insn\n"
    ".global \\name\n"
    ".thumb_func\n"
    "\\name:\n"
    "  push {r4, lr}\n"
    "  ldr r4, =fault_pc\n"
    "  adr r0, 1f\n"
    "  str r0, [r4]\n"
    ".align 2\n"
    "1: \\insn\n"
    "  nop\n"
    "  pop {r4, pc}\n"
    ".endm\n"
    "TPROBE thumb_udf, \"udf #0x12\"\n"
    "TPROBE thumb_udf_w, \"udf.w #0x1234\"\n"
    "TPROBE thumb_svc, \"svc #0x56\"\n"
    "TPROBE thumb_bkpt, \"bkpt #0x22\"\n"
    ".ltorg\n"
    ".arm\n");

int main(void)
{
    static uint32_t buffer[4] = { 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00 };
    install_vectors();
    on_exception = handler;
    printf("VBAR ok: %d\n", MRC(0, 12, 0, 0) != 0);

    printf("ARM udf\n");
    arm_udf();
    printf("ARM svc\n");
    arm_svc();
    printf("  immediate %06lx\n", (unsigned long)last_svc);
    printf("ARM bkpt\n");
    arm_bkpt();
    printf("ARM access to an absent coprocessor\n");
    arm_undefined_coprocessor();
    printf("ARM aligned load with SCTLR.A set\n");
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) | 2);
    isb();
    printf("  loaded %08lx\n", (unsigned long)arm_unaligned_load(&buffer[1]));
    printf("ARM unaligned load with SCTLR.A set\n");
    uint32_t v = arm_unaligned_load((uint32_t *)((char *)buffer + 5));
    printf("  loaded %08lx\n", (unsigned long)v);
    MCR(0, 1, 0, 0, MRC(0, 1, 0, 0) & ~2u);
    isb();
    printf("ARM unaligned load with SCTLR.A clear: %08lx\n", (unsigned long)arm_unaligned_load((uint32_t *)((char *)buffer + 5)));

    printf("Thumb udf\n");
    thumb_udf();
    printf("Thumb udf.w\n");
    thumb_udf_w();
    printf("Thumb svc\n");
    thumb_svc();
    printf("  immediate %02lx\n", (unsigned long)last_svc);
    printf("Thumb bkpt\n");
    thumb_bkpt();
    printf("done\n");
    return 0;
}
