/* What the MMU programs of tests/Guests/system share: a first-level table identity-mapping RAM
 * with sections (so code, data and stacks keep their addresses once the MMU is on), helpers to
 * build descriptors and second-level tables, and a handler that records aborts and resumes. */
#ifndef MMU_H
#define MMU_H
#include "system.h"

#define RAM_BASE 0x40000000u
#define RAM_SIZE 0x10000000u

/* Short-descriptor fields (ARM ARM B3.5.1). */
#define L1_SECTION(pa, ap, domain) (((pa) & 0xfff00000u) | 2u | (((ap) & 3u) << 10) | (((ap) >> 2) << 15) | ((uint32_t)(domain) << 5))
#define L1_SUPERSECTION(pa, ap) (((pa) & 0xff000000u) | 2u | (1u << 18) | (((ap) & 3u) << 10) | (((ap) >> 2) << 15))
#define L1_TABLE(l2, domain) (((uint32_t)(l2) & 0xfffffc00u) | 1u | ((uint32_t)(domain) << 5))
#define L1_XN (1u << 4)
#define L1_PXN 1u
#define L1_NG (1u << 17)
#define L2_SMALL(pa, ap) (((pa) & 0xfffff000u) | 2u | (((ap) & 3u) << 4) | (((ap) >> 2) << 9))
#define L2_LARGE(pa, ap) (((pa) & 0xffff0000u) | 1u | (((ap) & 3u) << 4) | (((ap) >> 2) << 9))
#define L2_SMALL_XN 1u
#define L2_NG (1u << 11)

extern uint32_t l1_table[4096];

static inline void tlbiall(void) { MCR(0, 8, 7, 0, 0); dsb(); isb(); }
static inline void tlbimva(uint32_t mva_asid) { MCR(0, 8, 7, 1, mva_asid); dsb(); isb(); }

/* Identity-maps RAM (domain 0, full access), makes domain 0 a client, turns the MMU on. */
void mmu_on(void);
void mmu_off(void);

/* The result of an access that may abort: the fault registers, or zero when it did not. */
struct fault { uint32_t fsr, far; int taken; };
extern volatile struct fault last_fault;

/* Installs the vectors with a handler that records data and prefetch aborts and resumes (after the
 * faulting load or store; at the address in r12 for an aborted instruction fetch). */
void catch_aborts(void);

/* Reads and writes that report their abort, at PL1 and (LDRT/STRT) at PL0. */
uint32_t try_read(uint32_t va);
uint32_t try_write(uint32_t va, uint32_t value);
uint32_t try_read_user(uint32_t va);
uint32_t try_write_user(uint32_t va, uint32_t value);
/* Calls a function at va (returning a value in r0); a prefetch abort returns 0xdead. */
uint32_t try_call(uint32_t va);

/* Prints the outcome of the last try_*: "ok" or the fault with its status and address. */
void show(const char *what, uint32_t value);

#endif
