@ The README's sample: a bare-metal program for QEMU's virt board that prints through the PL011
@ UART and exits through semihosting. Rebuild with tests/Samples/build-hello.
        .syntax unified
        .arm
        .text
        .global _start
_start:
        ldr     r1, =message
        ldr     r2, =0x09000000         @ PL011 data register
1:      ldrb    r0, [r1], #1
        cmp     r0, #0
        strbne  r0, [r2]
        bne     1b
        mov     r0, #0x18               @ SYS_EXIT
        ldr     r1, =0x20026            @ ADP_Stopped_ApplicationExit
        svc     0x123456
        b       .
        .ltorg
        .data
message:
        .asciz  "Hello from an ARM guest\n"
