#include <stdlib.h>
#include "system.h"

exception_handler on_exception;

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
