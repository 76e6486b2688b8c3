/* What every system program of tests/Guests/system shares: exception kinds and frames, the hook a
 * program sets to handle them, and access to CP15 and the CPSR. Built with lib/vectors.S and
 * lib/system.c; output goes through semihosting (printf), so QEMU and Translator print the same. */
#ifndef SYSTEM_H
#define SYSTEM_H
#include <stdint.h>
#include <stdio.h>

enum exception_kind { EXC_RESET, EXC_UNDEFINED, EXC_SVC, EXC_PREFETCH_ABORT, EXC_DATA_ABORT, EXC_RESERVED, EXC_IRQ, EXC_FIQ };

/* The interrupted context as the vector saved it: SPSR, a pad, R0-R12, and LR of the exception mode. */
struct frame {
    uint32_t spsr, pad;
    uint32_t r[13];
    uint32_t lr;
};

/* Returns the address to return to (the vector restores the CPSR from frame->spsr). */
typedef uint32_t (*exception_handler)(enum exception_kind kind, struct frame *frame);

/* The handler exceptions go to; unset, an exception prints itself and ends the program with code 99. */
extern exception_handler on_exception;

const char *exception_name(enum exception_kind kind);

/* A handler for programs that probe what is UNDEFINED: it records an undefined-instruction exception
 * in undefined_taken and returns past the instruction; any other exception is reported. */
extern volatile int undefined_taken;
uint32_t note_undefined(enum exception_kind kind, struct frame *frame);

/* Prints NAME and the value EXPR gives, or UNDEFINED when EXPR took an undefined-instruction exception
 * (with note_undefined installed). */
#define SHOW_OR_UNDEFINED(name, expr) do { undefined_taken = 0; uint32_t v_ = (expr); \
    if (undefined_taken) printf("%-10s UNDEFINED\n", name); else printf("%-10s %08lx\n", name, (unsigned long)v_); } while (0)
void install_vectors(void);

#define MRC(op1, crn, crm, op2) ({ uint32_t v_; __asm__ volatile("mrc p15, " #op1 ", %0, c" #crn ", c" #crm ", " #op2 : "=r"(v_)); v_; })
#define MCR(op1, crn, crm, op2, v) __asm__ volatile("mcr p15, " #op1 ", %0, c" #crn ", c" #crm ", " #op2 : : "r"((uint32_t)(v)) : "memory")

static inline uint32_t read_cpsr(void) { uint32_t v; __asm__ volatile("mrs %0, cpsr" : "=r"(v)); return v; }
static inline void isb(void) { __asm__ volatile("isb" : : : "memory"); }
static inline void dsb(void) { __asm__ volatile("dsb" : : : "memory"); }

#endif
