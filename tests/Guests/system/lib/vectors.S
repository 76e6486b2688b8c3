@ The exception vectors every system program installs (VBAR), and per-mode stacks. Each entry saves
@ the interrupted registers and SPSR on its mode's stack, calls on_exception(kind, frame) in C, and
@ returns to the address that function gives with LDM ^ (which restores the CPSR from the SPSR).
        .syntax unified
        .arm
        .section .text.vectors, "ax"
        .align 5
        .global vector_table
vector_table:
        b       vector_reset
        b       vector_undefined
        b       vector_svc
        b       vector_prefetch_abort
        b       vector_data_abort
        b       vector_reserved
        b       vector_irq
        b       vector_fiq

        .macro  ENTRY name, kind
\name:
        stmfd   sp!, {r0-r12, lr}
        mrs     r0, spsr
        stmfd   sp!, {r0, r1}           @ SPSR and a pad word: the frame stays 8-byte aligned
        mov     r0, #\kind
        mov     r1, sp
        bl      exception_dispatch
        str     r0, [sp, #60]           @ the return address becomes the saved LR
        ldmfd   sp!, {r0, r1}
        msr     spsr_cxsf, r0
        ldmfd   sp!, {r0-r12, pc}^
        .endm

        ENTRY   vector_reset, 0
        ENTRY   vector_undefined, 1
        ENTRY   vector_svc, 2
        ENTRY   vector_prefetch_abort, 3
        ENTRY   vector_data_abort, 4
        ENTRY   vector_reserved, 5
        ENTRY   vector_irq, 6
        ENTRY   vector_fiq, 7

@ install_vectors(): VBAR = vector_table, and a stack for each exception mode; returns in SVC mode.
        .text
        .global install_vectors
install_vectors:
        ldr     r0, =vector_table
        mcr     p15, 0, r0, c12, c0, 0
        mrs     r1, cpsr
        ldr     r2, =mode_stacks_top
        cps     #0x1b                   @ UND
        mov     sp, r2
        sub     r2, r2, #0x1000
        cps     #0x17                   @ ABT
        mov     sp, r2
        sub     r2, r2, #0x1000
        cps     #0x12                   @ IRQ
        mov     sp, r2
        sub     r2, r2, #0x1000
        cps     #0x11                   @ FIQ
        mov     sp, r2
        sub     r2, r2, #0x1000
        cps     #0x1f                   @ SYS (and USR)
        mov     sp, r2
        msr     cpsr_c, r1
        isb
        bx      lr

        .bss
        .align  3
mode_stacks:
        .space  0x5000
mode_stacks_top:
