/* PSCI through HVC #0, as the virt board's firmware serves it at PL1: the version, the features of
 * implemented and unknown functions, migration info, affinity of this processor and of one that does
 * not exist, CPU_ON of both; an HVC with any other function ID is answered NOT_SUPPORTED, since the
 * firmware owns HVC; SYSTEM_OFF ends the run. */
#include "system.h"


static uint32_t hvc(uint32_t function, uint32_t a, uint32_t b, uint32_t c)
{
    register uint32_t r0 __asm__("r0") = function;
    register uint32_t r1 __asm__("r1") = a;
    register uint32_t r2 __asm__("r2") = b;
    register uint32_t r3 __asm__("r3") = c;
    __asm__ volatile(".arch_extension virt\n hvc #0" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
    return r0;
}

#define SHOW(what, call) printf("%-34s %08lx\n", what, (unsigned long)(call))

int main(void)
{
    install_vectors();
    on_exception = note_undefined;
    uint32_t mpidr = MRC(0, 0, 0, 5) & 0xffffff;
    SHOW("PSCI_VERSION", hvc(0x84000000, 0, 0, 0));
    SHOW("PSCI_FEATURES(PSCI_VERSION)", hvc(0x8400000a, 0x84000000, 0, 0));
    SHOW("PSCI_FEATURES(SYSTEM_OFF)", hvc(0x8400000a, 0x84000008, 0, 0));
    SHOW("PSCI_FEATURES(CPU_ON, SMC32)", hvc(0x8400000a, 0x84000003, 0, 0));
    SHOW("PSCI_FEATURES(0x8400001f)", hvc(0x8400000a, 0x8400001f, 0, 0));
    SHOW("MIGRATE_INFO_TYPE", hvc(0x84000006, 0, 0, 0));
    SHOW("AFFINITY_INFO(this cpu)", hvc(0x84000004, mpidr, 0, 0));
    SHOW("AFFINITY_INFO(cpu 5)", hvc(0x84000004, 5, 0, 0));
    SHOW("CPU_ON(this cpu)", hvc(0x84000003, mpidr, 0x40100000, 0));
    SHOW("CPU_ON(cpu 5)", hvc(0x84000003, 5, 0x40100000, 0));
    SHOW("0x8400001f (unknown PSCI call)", hvc(0x8400001f, 0, 0, 0));
    undefined_taken = 0;
    uint32_t r = hvc(0x12345678, 0, 0, 0);
    printf("%-34s %s %08lx\n", "HVC with a non-PSCI function ID", undefined_taken ? "UNDEFINED" : "returned", (unsigned long)r);
    printf("SYSTEM_OFF\n");
    hvc(0x84000008, 0, 0, 0);
    printf("still running after SYSTEM_OFF\n");
    return 3;
}
