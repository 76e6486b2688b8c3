/* The processor state an exception handler starts in, as SCTLR chooses it: Thumb handlers when
 * SCTLR.TE is set, big-endian data when SCTLR.EE is set; the return (SUBS pc, lr) restores the
 * interrupted state from the SPSR. Each probe takes an SVC into a small vector table of its own. */
#include "system.h"

extern uint32_t svc_with_thumb_handler(void);
extern uint32_t svc_with_big_endian_handler(void);
extern uint32_t undefined_in_thumb_with_thumb_handler(void);
uint32_t seen_cpsr, seen_word, seen_lr_offset;

__asm__(
    ".syntax unified\n"
    /* A table whose SVC and undefined entries are Thumb code: with TE set, the vector is entered in Thumb state. */
    ".section .text.thumb_vectors, \"ax\"\n"
    ".align 5\n"
    "thumb_vectors:\n"
    ".thumb\n"
    "  b.w .\n  b.w thumb_undefined\n  b.w thumb_svc\n  b.w .\n  b.w .\n  b.w .\n  b.w .\n  b.w .\n"
    ".thumb_func\n"
    "thumb_svc:\n"
    "  push {r0, r1}\n"
    "  mrs r0, cpsr\n  ldr r1, =seen_cpsr\n  str r0, [r1]\n"
    "  mrs r0, spsr\n  ldr r1, =seen_word\n  str r0, [r1]\n"
    "  pop {r0, r1}\n"
    "  subs pc, lr, #0\n"
    ".thumb_func\n"
    "thumb_undefined:\n"
    "  push {r0, r1}\n"
    "  mrs r0, spsr\n  ldr r1, =seen_word\n  str r0, [r1]\n"
    "  ldr r1, =thumb_udf_site\n  sub r0, lr, r1\n  ldr r1, =seen_lr_offset\n  str r0, [r1]\n"
    "  pop {r0, r1}\n"
    "  adds lr, lr, #2\n"                    /* LR is the UDF.W + 2: skip its second halfword */
    "  subs pc, lr, #0\n"
    ".ltorg\n"
    /* An ARM table for the big-endian probe: the handler reads a word while EE made data big-endian. */
    ".arm\n"
    ".align 5\n"
    "be_vectors:\n"
    "  b .\n  b .\n  b be_svc\n  b .\n  b .\n  b .\n  b .\n  b .\n"
    /* Data is big-endian on entry (a literal pool too): read the marker and the CPSR first, then SETEND LE. */
    "be_svc:\n"
    "  push {r0-r2}\n"
    "  mrs r0, cpsr\n  adr r1, be_marker\n  ldr r1, [r1]\n"
    "  setend le\n"
    "  ldr r2, =seen_cpsr\n  str r0, [r2]\n  ldr r2, =seen_word\n  str r1, [r2]\n"
    "  pop {r0-r2}\n"
    "  movs pc, lr\n"
    "be_marker: .word 0x11223344\n"
    ".ltorg\n"
    ".text\n.arm\n"
    ".global svc_with_thumb_handler\n"
    "svc_with_thumb_handler:\n"
    "  push {r4-r6, lr}\n"
    "  mrc p15, 0, r4, c12, c0, 0\n  mrc p15, 0, r5, c1, c0, 0\n"
    "  ldr r0, =thumb_vectors\n  mcr p15, 0, r0, c12, c0, 0\n"
    "  orr r0, r5, #0x40000000\n  mcr p15, 0, r0, c1, c0, 0\n  isb\n"
    "  svc #7\n"
    "  mcr p15, 0, r5, c1, c0, 0\n  mcr p15, 0, r4, c12, c0, 0\n  isb\n"
    "  mrs r0, cpsr\n"
    "  pop {r4-r6, pc}\n"
    ".global undefined_in_thumb_with_thumb_handler\n"
    "undefined_in_thumb_with_thumb_handler:\n"
    "  push {r4-r6, lr}\n"
    "  mrc p15, 0, r4, c12, c0, 0\n  mrc p15, 0, r5, c1, c0, 0\n"
    "  ldr r0, =thumb_vectors\n  mcr p15, 0, r0, c12, c0, 0\n"
    "  orr r0, r5, #0x40000000\n  mcr p15, 0, r0, c1, c0, 0\n  isb\n"
    "  adr r0, 1f + 1\n  blx r0\n"
    "  mcr p15, 0, r5, c1, c0, 0\n  mcr p15, 0, r4, c12, c0, 0\n  isb\n"
    "  pop {r4-r6, pc}\n"
    ".thumb\n"
    "1:\n"
    ".global thumb_udf_site\n"
    "thumb_udf_site:\n"
    "  udf.w #0x123\n"
    "  bx lr\n"
    ".arm\n.align 2\n"
    ".global svc_with_big_endian_handler\n"
    "svc_with_big_endian_handler:\n"
    "  push {r4-r6, lr}\n"
    "  mrc p15, 0, r4, c12, c0, 0\n  mrc p15, 0, r5, c1, c0, 0\n"
    "  ldr r0, =be_vectors\n  mcr p15, 0, r0, c12, c0, 0\n"
    "  orr r0, r5, #0x02000000\n  mcr p15, 0, r0, c1, c0, 0\n  isb\n"
    "  svc #8\n"
    "  mcr p15, 0, r5, c1, c0, 0\n  mcr p15, 0, r4, c12, c0, 0\n  isb\n"
    "  mrs r0, cpsr\n"
    "  pop {r4-r6, pc}\n"
    ".ltorg\n");

int main(void)
{
    uint32_t after = svc_with_thumb_handler();
    printf("TE: handler cpsr %08lx (mode %02lx, I %lu), spsr %08lx, cpsr after return %08lx\n", (unsigned long)seen_cpsr,
           (unsigned long)(seen_cpsr & 0x1f), (unsigned long)(seen_cpsr >> 7) & 1, (unsigned long)seen_word, (unsigned long)after);
    undefined_in_thumb_with_thumb_handler();
    printf("TE: undefined in Thumb, spsr %08lx, lr = udf.w + %lu\n", (unsigned long)seen_word, (unsigned long)seen_lr_offset);
    after = svc_with_big_endian_handler();
    printf("EE: handler cpsr %08lx (E %lu), word read big-endian %08lx, cpsr after return %08lx\n", (unsigned long)seen_cpsr,
           (unsigned long)(seen_cpsr >> 9) & 1, (unsigned long)seen_word, (unsigned long)after);
    return 0;
}
