/* The modes and their banked registers (R13, R14 and SPSR of each mode, R8-R12 of FIQ), read and
 * written by switching modes and through MRS/MSR (banked register); the ways back from an exception
 * (MOVS/SUBS pc, LDM ^, RFE, ERET) and SRS; a trip to User mode and back through SVC; what User mode
 * may and may not do (CPS is ignored, MSR cannot change the mode, PL1-only registers are UNDEFINED). */
#include "system.h"

static uint32_t handler(enum exception_kind kind, struct frame *f)
{
    if (kind == EXC_SVC) {
        uint32_t imm = *(uint32_t *)(f->lr - 4) & 0xffffff;
        printf("  svc %lx from mode %02lx\n", (unsigned long)imm, (unsigned long)(f->spsr & 0x1f));
        /* svc 1 asks to come back in SVC mode: the return restores this SPSR. */
        if (imm == 1) f->spsr = (f->spsr & ~0x1fu) | 0x13;
        return f->lr;
    }
    if (kind == EXC_UNDEFINED) {
        printf("  undefined from mode %02lx at insn %08lx\n", (unsigned long)(f->spsr & 0x1f), (unsigned long)*(uint32_t *)(f->lr - 4));
        return f->lr;
    }
    printf("  unexpected %s\n", exception_name(kind));
    return f->lr;
}

/* Writes a distinct SP, LR and SPSR in each exception mode (and R8-R12 in FIQ), then reads them
 * back by switching to each mode again. */
extern void fill_banks(void);
extern void read_banks(uint32_t *out);
extern uint32_t banked_mrs(void);
extern uint32_t return_forms(uint32_t *out);
extern void restore_stacks(void);
extern uint32_t srs_rfe(uint32_t *stack);
extern void user_trip(uint32_t *out);
__asm__(
    ".syntax unified\n.arm\n"
    ".global fill_banks\n"
    "fill_banks:\n"
    "  push {r4-r12, lr}\n"
    "  mrs r0, cpsr\n"
    "  mov r4, sp\n"
    "  cps #0x11\n"                        /* FIQ */
    "  ldr r8, =0xf1000008\n  ldr r9, =0xf1000009\n  ldr r10, =0xf100000a\n  ldr r11, =0xf100000b\n"
    "  ldr r12, =0xf100000c\n"
    "  ldr r1, =0xf100000d\n  ldr r2, =0xf100000e\n  ldr r3, =0xf10000ff\n"
    "  mov r5, sp\n  mov r6, lr\n"
    "  mov sp, r1\n  mov lr, r2\n  msr spsr_fsxc, r3\n"
    "  mov r1, r5\n  mov r2, r6\n"          /* restore FIQ's real stack at the end */
    "  cps #0x12\n"                        /* IRQ */
    "  mov r5, sp\n  ldr sp, =0x12000d0d\n  ldr lr, =0x12000e0e\n  ldr r3, =0x120000ff\n  msr spsr_fsxc, r3\n"
    "  cps #0x17\n"                        /* ABT */
    "  mov r6, sp\n  ldr sp, =0x17000d0d\n  ldr lr, =0x17000e0e\n  ldr r3, =0x170000ff\n  msr spsr_fsxc, r3\n"
    "  cps #0x1b\n"                        /* UND */
    "  mov r7, sp\n  ldr sp, =0x1b000d0d\n  ldr lr, =0x1b000e0e\n  ldr r3, =0x1b0000ff\n  msr spsr_fsxc, r3\n"
    "  cps #0x1f\n"                        /* SYS = USR bank */
    "  mov r9, sp\n  mov r10, lr\n  ldr sp, =0x1f000d0d\n  ldr lr, =0x1f000e0e\n"
    "  msr cpsr_c, r0\n"                   /* back to SVC */
    "  ldr r3, =saved_stacks\n  stm r3, {r1, r2, r5, r6, r7, r9, r10}\n"
    "  mov sp, r4\n"
    "  pop {r4-r12, pc}\n"
    /* read_banks(out): each mode's R13, R14 and SPSR (and FIQ's R8-R12) read by switching to it. */
    ".global read_banks\n"
    "read_banks:\n"
    "  push {r4-r11, lr}\n"
    "  mrs r12, cpsr\n"
    "  cps #0x11\n  mrs r1, spsr\n  stm r0!, {r8-r12, sp, lr}\n  str r1, [r0], #4\n"
    "  cps #0x12\n  mrs r1, spsr\n  stm r0!, {sp, lr}\n  str r1, [r0], #4\n"
    "  cps #0x17\n  mrs r1, spsr\n  stm r0!, {sp, lr}\n  str r1, [r0], #4\n"
    "  cps #0x1b\n  mrs r1, spsr\n  stm r0!, {sp, lr}\n  str r1, [r0], #4\n"
    "  cps #0x1f\n  stm r0!, {sp, lr}\n"
    "  msr cpsr_c, r12\n"
    "  str r8, [r0], #4\n"
    "  pop {r4-r11, pc}\n"
    /* banked_mrs(): MRS (banked register) is a Virtualization Extensions instruction: UNDEFINED here. */
    ".global banked_mrs\n"
    "banked_mrs:\n"
    "  mov r0, #0\n"
    "  mrs r0, sp_irq\n"
    "  bx lr\n"
    /* restore_stacks(): every mode's real stack (and FIQ's LR, User's SP and LR) back, as fill_banks found them. */
    ".global restore_stacks\n"
    "restore_stacks:\n"
    "  push {r4-r8, lr}\n"
    "  mrs r8, cpsr\n"
    "  ldr r0, =saved_stacks\n  ldm r0, {r1-r7}\n"
    "  cps #0x11\n  mov sp, r1\n  mov lr, r2\n"
    "  cps #0x12\n  mov sp, r3\n"
    "  cps #0x17\n  mov sp, r4\n"
    "  cps #0x1b\n  mov sp, r5\n"
    "  cps #0x1f\n  mov sp, r6\n  mov lr, r7\n"
    "  msr cpsr_c, r8\n"
    "  pop {r4-r8, pc}\n"
    /* return_forms: each form of exception return from SVC mode back to SVC mode, with the SPSR's
     * flags becoming the CPSR's; records the CPSR seen at each landing point. */
    ".global return_forms\n"
    "return_forms:\n"
    "  push {r4-r6, lr}\n"
    "  mrs r4, cpsr\n"
    "  bic r5, r4, #0xf0000000\n"
    "  orr r6, r5, #0x80000000\n  msr spsr_fsxc, r6\n"
    "  adr lr, 1f\n  movs pc, lr\n"
    "1: mrs r1, cpsr\n  str r1, [r0], #4\n"
    "  orr r6, r5, #0x40000000\n  msr spsr_fsxc, r6\n"
    "  adr lr, 2f + 8\n  subs pc, lr, #8\n"
    "2: mrs r1, cpsr\n  str r1, [r0], #4\n"
    "  orr r6, r5, #0x20000000\n  msr spsr_fsxc, r6\n"
    "  adr r1, 3f\n  push {r1}\n  ldm sp!, {pc}^\n"
    "3: mrs r1, cpsr\n  str r1, [r0], #4\n"
    "  orr r6, r5, #0x10000000\n  msr spsr_fsxc, r6\n"
    "  adr lr, 4f\n  eret\n"
    "4: mrs r1, cpsr\n  str r1, [r0], #4\n"
    /* MOVS pc into Thumb state: the SPSR's T bit selects it. */
    "  orr r6, r5, #0x20\n  msr spsr_fsxc, r6\n"
    "  adr lr, 5f + 1\n  movs pc, lr\n"
    ".thumb\n"
    "5: mrs r1, cpsr\n  str r1, [r0], #4\n"
    "  adr r1, 6f\n  bx r1\n"
    ".align 2\n.arm\n"
    "6: msr cpsr_f, r4\n"
    "  pop {r4-r6, pc}\n"
    /* srs_rfe(stack): SRS of LR and SPSR to the given stack as ABT's SP, then RFE from it. */
    ".global srs_rfe\n"
    "srs_rfe:\n"
    "  push {r4-r6, lr}\n"
    "  mrs r5, cpsr\n"
    "  cps #0x17\n  mov r4, sp\n  mov sp, r0\n  msr cpsr_c, r5\n"
    "  bic r6, r5, #0xf0000000\n  orr r6, r6, #0x90000000\n  msr spsr_fsxc, r6\n"
    "  adr lr, 1f\n"
    "  srsdb sp!, #0x17\n"
    "  cps #0x17\n  mov r1, sp\n  mov sp, r4\n  msr cpsr_c, r5\n"
    "  sub r0, r0, r1\n"                   /* how far SRS moved ABT's SP */
    "  mov r2, r1\n"
    "  rfeia r2!\n"
    "1: mrs r1, cpsr\n"
    "  and r1, r1, #0xf0000000\n"
    "  orr r0, r0, r1\n"
    "  msr cpsr_f, r5\n"
    "  pop {r4-r6, pc}\n"
    /* user_trip(out): drops to User mode with MOVS pc, tries what User mode may not do, and comes
     * back with svc 1. */
    ".global user_trip\n"
    "user_trip:\n"
    "  push {r4-r12, lr}\n"
    "  mov r4, r0\n"
    "  mrs r6, cpsr\n"
    "  cps #0x1f\n  mov r5, sp\n  ldr sp, =user_stack_top\n  msr cpsr_c, r6\n"
    "  bic r1, r6, #0x1f\n  orr r1, r1, #0x10\n  bic r1, r1, #0xc0\n  msr spsr_fsxc, r1\n"
    "  adr lr, 1f\n  movs pc, lr\n"
    "1: mrs r1, cpsr\n  str r1, [r4], #4\n"
    "  cpsid aif\n"                        /* ignored in User mode */
    "  cps #0x13\n"
    "  mrs r1, cpsr\n  str r1, [r4], #4\n"
    "  msr cpsr_c, #0xd3\n"                /* the control field is not writable in User mode */
    "  mrs r1, cpsr\n  str r1, [r4], #4\n"
    "  mov r1, #0x5a\n  mcr p15, 0, r1, c13, c0, 2\n"   /* TPIDRURW: User may write it */
    "  mrc p15, 0, r1, c13, c0, 2\n  str r1, [r4], #4\n"
    "  mrc p15, 0, r1, c13, c0, 3\n  str r1, [r4], #4\n" /* TPIDRURO: User may read it */
    "  mcr p15, 0, r1, c13, c0, 3\n"       /* ... but not write it: UNDEFINED */
    "  mrc p15, 0, r1, c1, c0, 0\n"        /* SCTLR: UNDEFINED */
    "  mov r1, sp\n  str r1, [r4], #4\n"
    "  svc #1\n"
    "  mrs r1, cpsr\n  str r1, [r4], #4\n"
    "  cps #0x1f\n  mov sp, r5\n"
    "  msr cpsr_c, r6\n"
    "  pop {r4-r12, pc}\n"
    ".ltorg\n");

uint32_t saved_stacks[7];
static uint32_t user_stack[256];
__asm__(".global user_stack_top\n.set user_stack_top, user_stack + 1024\n");

int main(void)
{
    install_vectors();
    on_exception = handler;
    uint32_t out[32] = { 0 };

    printf("banked registers written and read by switching modes:\n");
    uint32_t r8 = 0x11111111;
    __asm__ volatile("mov r8, %0" : : "r"(r8) : "r8");
    fill_banks();
    read_banks(out);
    static const char *const names[] = { "r8_fiq", "r9_fiq", "r10_fiq", "r11_fiq", "r12_fiq", "sp_fiq", "lr_fiq", "spsr_fiq",
        "sp_irq", "lr_irq", "spsr_irq", "sp_abt", "lr_abt", "spsr_abt", "sp_und", "lr_und", "spsr_und", "sp_usr", "lr_usr", "r8" };
    for (int k = 0; k < 20; k++) printf("  %-8s %08lx\n", names[k], (unsigned long)out[k]);

    /* Give every mode its real stack back before the next exception. */
    restore_stacks();
    printf("MRS (banked register):\n");
    printf("  returned %08lx\n", (unsigned long)banked_mrs());
    printf("User registers through STM ^ and LDM ^ from FIQ mode:\n");
    uint32_t user[7], back[7];
    __asm__ volatile("mrs r3, cpsr\n cps #0x11\n stmia %0, {r8-r14}^\n msr cpsr_c, r3\n" : : "r"(user) : "r3", "memory");
    static const uint32_t fresh[7] = { 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };
    __asm__ volatile("mrs r3, cpsr\n cps #0x11\n ldmia %0, {r8-r14}^\n nop\n msr cpsr_c, r3\n" : : "r"(fresh) : "r3", "memory");
    __asm__ volatile("mrs r3, cpsr\n cps #0x1f\n str r8, [%0]\n str r9, [%0, #4]\n str r10, [%0, #8]\n str r11, [%0, #12]\n"
                     "str r12, [%0, #16]\n str sp, [%0, #20]\n str lr, [%0, #24]\n msr cpsr_c, r3\n" : : "r"(back) : "r3", "memory");
    printf("  stored sp_usr %08lx lr_usr %08lx; after ldm ^: r8 %lx r12 %lx sp %lx lr %lx\n", (unsigned long)user[5], (unsigned long)user[6],
           (unsigned long)back[0], (unsigned long)back[4], (unsigned long)back[5], (unsigned long)back[6]);
    printf("exception returns:\n");
    return_forms(out);
    static const char *const forms[] = { "movs pc, lr", "subs pc, lr, #8", "ldm sp!, {pc}^", "eret", "movs pc to Thumb" };
    for (int k = 0; k < 5; k++) printf("  %-17s cpsr %08lx\n", forms[k], (unsigned long)out[k]);

    static uint32_t srs_stack[8];
    uint32_t srs = srs_rfe(&srs_stack[4]);
    printf("srs/rfe: sp moved by %lu, stored lr ok %d, spsr %08lx, flags after rfe %08lx\n", (unsigned long)(srs & 0xff),
           srs_stack[2] != 0, (unsigned long)srs_stack[3], (unsigned long)(srs & 0xf0000000));

    printf("User mode:\n");
    MCR(0, 13, 0, 3, 0x7e);
    user_trip(out);
    printf("  cpsr in User %08lx, after cpsid/cps %08lx, after msr cpsr_c %08lx\n", (unsigned long)out[0], (unsigned long)out[1], (unsigned long)out[2]);
    printf("  TPIDRURW %08lx, TPIDRURO %08lx, sp_usr ok %d, cpsr after svc 1 %08lx\n", (unsigned long)out[3], (unsigned long)out[4],
           out[5] == (uint32_t)&user_stack[256], (unsigned long)out[6]);
    return 0;
}
