#include <stdlib.h>
#include "system.h"

exception_handler on_exception;
volatile int undefined_taken;

uint32_t note_undefined(enum exception_kind kind, struct frame *frame)
{
    if (kind == EXC_UNDEFINED) undefined_taken = 1;
    else printf("unexpected %s\n", exception_name(kind));
    return frame->lr;
}

const char *exception_name(enum exception_kind kind)
{
    static const char *const names[] = { "reset", "undefined", "svc", "prefetch abort", "data abort", "reserved", "irq", "fiq" };
    return kind <= EXC_FIQ ? names[kind] : "?";
}

uint32_t exception_dispatch(enum exception_kind kind, struct frame *frame)
{
    if (on_exception) return on_exception(kind, frame);
    printf("unexpected %s exception: lr %08lx spsr %08lx\n", exception_name(kind), (unsigned long)frame->lr, (unsigned long)frame->spsr);
    exit(99);
}
