@ Self-modifying code: a routine is run, patched in place (its immediate changed), run again,
@ and the results are printed through semihosting. The patch must invalidate the old translation.
        .syntax unified
        .arm
        .text
        .global main
main:
        push    {r4-r6, lr}
        mov     r6, #0
        ldr     r4, =target
        mov     r5, #0
1:      bl      target                  @ returns r0 = 10 + 3 * iteration
        add     r6, r6, r0
        ldr     r1, [r4]                @ the "mov r0, #imm" word
        add     r1, r1, #3
        str     r1, [r4]                @ patch the immediate
        mcr     p15, 0, r0, c7, c5, 0   @ invalidate the instruction cache (ICIALLU)
        add     r5, r5, #1
        cmp     r5, #5
        bne     1b
        mov     r0, r6                  @ 10 + 13 + 16 + 19 + 22 = 80
        pop     {r4-r6, pc}

        .data
        .align  2
target:
        mov     r0, #10
        bx      lr
