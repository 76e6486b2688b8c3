/* The multiplies that can set Q (SMLA<x><y>, SMLAW<y>, SMUAD, SMLAD, SMLSD), each at the edges of
 * its range: the result and Q, with Q cleared before each. The cases where an intermediate sum
 * overflows but the exact one does not tell the ARM ARM's rule (Q from the exact sum, as QEMU 7.2
 * has it) from Unicorn 2.0.1's (which sets Q for the intermediate sum too). */
#include <stdio.h>

#define REPORT(text, n, m, a, r, q) \
    printf("%-7s %08x %08x %08x -> %08x q%u\n", text, (unsigned)(n), (unsigned)(m), (unsigned)(a), r, q)

/* Q is taken out of APSR in assembly: the bitfield instructions C would use belong to another family. */
#define READ_Q "\n\tmrs %1, APSR\n\tlsr %1, %1, #27\n\tand %1, %1, #1"

#define MUL3(op, n, m, a) do { \
    unsigned r, q; \
    __asm__ volatile("msr APSR_nzcvq, %2\n\t" op " %0, %3, %4, %5" READ_Q \
                     : "=&r"(r), "=&r"(q) : "r"(0u), "r"(n), "r"(m), "r"(a)); \
    REPORT(op, n, m, a, r, q); \
} while (0)

#define MUL2(op, n, m) do { \
    unsigned r, q; \
    __asm__ volatile("msr APSR_nzcvq, %2\n\t" op " %0, %3, %4" READ_Q \
                     : "=&r"(r), "=&r"(q) : "r"(0u), "r"(n), "r"(m)); \
    REPORT(op, n, m, 0, r, q); \
} while (0)

int main(void)
{
    MUL3("smlabb", 0x8000, 0x8000, 0x7fffffff);
    MUL3("smlabb", 0x8000, 0x8000, 0xbfffffff);
    MUL3("smlatt", 0x80000000, 0x80000000, 0x40000000);
    MUL3("smlatb", 0x7fff0000, 0x8000, 0x80000000);
    MUL3("smlawb", 0x7fffffff, 0x7fff, 0x7fffffff);
    MUL3("smlawb", 0x80000000, 0x8000, 0x80000000);
    MUL3("smlawt", 0x80000000, 0x80000000, 0x40000000);
    MUL3("smlawt", 0x80000000, 0x80000000, 0xc0000000);
    MUL2("smuad", 0x80008000, 0x80008000);
    MUL2("smuadx", 0x80008000, 0x80008000);
    MUL2("smuad", 0x80007fff, 0x80007fff);
    MUL3("smlad", 0x80008000, 0x80008000, 0xffffffff);
    MUL3("smlad", 0x80008000, 0x80008000, 0x00000001);
    MUL3("smladx", 0x80008000, 0x80008000, 0x80000000);
    MUL3("smlad", 0x40004000, 0x40004000, 0x7fffffff);
    MUL3("smlsd", 0x7fff8000, 0x80008000, 0x80000000);
    MUL3("smlsd", 0x7fff8000, 0x80008000, 0x7fffffff);
    MUL3("smlsdx", 0x80007fff, 0x80008000, 0x7fffffff);
    return 0;
}
