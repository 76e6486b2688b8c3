/* The identification registers a kernel reads at boot (CP15 c0, CLIDR/CCSIDR/CSSELR, and the
 * read-only values of the other groups), SCTLR's reset value, the Cortex-A15's implementation-defined
 * registers, and encodings the architecture leaves unallocated, which are UNDEFINED. */
#include "system.h"

#define PROBE(name, op1, crn, crm, op2) SHOW_OR_UNDEFINED(name, MRC(op1, crn, crm, op2))

#define SHOW(name, op1, crn, crm, op2) printf("%-10s %08lx\n", name, (unsigned long)MRC(op1, crn, crm, op2))

int main(void)
{
    SHOW("MIDR", 0, 0, 0, 0);
    SHOW("CTR", 0, 0, 0, 1);
    SHOW("TCMTR", 0, 0, 0, 2);
    SHOW("TLBTR", 0, 0, 0, 3);
    SHOW("MPIDR", 0, 0, 0, 5);
    SHOW("REVIDR", 0, 0, 0, 6);
    SHOW("ID_PFR0", 0, 0, 1, 0);
    SHOW("ID_PFR1", 0, 0, 1, 1);
    SHOW("ID_DFR0", 0, 0, 1, 2);
    SHOW("ID_AFR0", 0, 0, 1, 3);
    SHOW("ID_MMFR0", 0, 0, 1, 4);
    SHOW("ID_MMFR1", 0, 0, 1, 5);
    SHOW("ID_MMFR2", 0, 0, 1, 6);
    SHOW("ID_MMFR3", 0, 0, 1, 7);
    SHOW("ID_ISAR0", 0, 0, 2, 0);
    SHOW("ID_ISAR1", 0, 0, 2, 1);
    SHOW("ID_ISAR2", 0, 0, 2, 2);
    SHOW("ID_ISAR3", 0, 0, 2, 3);
    SHOW("ID_ISAR4", 0, 0, 2, 4);
    SHOW("ID_ISAR5", 0, 0, 2, 5);
    SHOW("CLIDR", 1, 0, 0, 1);
    SHOW("AIDR", 1, 0, 0, 7);
    for (uint32_t level = 0; level < 8; level++) {
        uint32_t clidr = MRC(1, 0, 0, 1), type = (clidr >> (3 * level)) & 7;
        if (type == 0) break;
        for (uint32_t instruction = 0; instruction < 2; instruction++) {
            if ((instruction && !(type & 1)) || (!instruction && type == 1)) continue;
            MCR(2, 0, 0, 0, (level << 1) | instruction);
            isb();
            printf("CCSIDR L%lu%c %08lx (CSSELR %08lx)\n", (unsigned long)level + 1, instruction ? 'i' : 'd',
                   (unsigned long)MRC(1, 0, 0, 0), (unsigned long)MRC(2, 0, 0, 0));
        }
    }
    SHOW("SCTLR", 0, 1, 0, 0);
    SHOW("ACTLR", 0, 1, 0, 1);
    SHOW("CPACR", 0, 1, 0, 2);
    SHOW("VBAR", 0, 12, 0, 0);
    SHOW("TTBCR", 0, 2, 0, 2);
    SHOW("DACR", 0, 3, 0, 0);
    SHOW("PRRR", 0, 10, 2, 0);
    SHOW("NMRR", 0, 10, 2, 1);
    SHOW("CONTEXTID", 0, 13, 0, 1);
    SHOW("CNTFRQ", 0, 14, 0, 0);

    install_vectors();
    on_exception = note_undefined;
    PROBE("L2CTLR", 1, 9, 0, 2);
    PROBE("L2ECTLR", 1, 9, 0, 3);
    PROBE("CBAR", 4, 15, 0, 0);
    PROBE("c15 0", 0, 15, 0, 0);
    PROBE("c15 3", 3, 15, 1, 2);
    PROBE("c4", 0, 4, 0, 0);
    PROBE("c11", 0, 11, 0, 0);
    PROBE("c1 c0 7", 0, 1, 0, 7);
    PROBE("c0 c3 0", 0, 0, 3, 0);
    PROBE("c0 c7 7", 0, 0, 7, 7);
    PROBE("c9 c1 0", 0, 9, 1, 0);
    PROBE("opc1 7", 7, 0, 0, 0);
    return 0;
}
