/* setjmp/longjmp through nested calls, and 64-bit division and remainders. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static volatile int bottom = 0;

static int depth(int n)
{
    if (n <= bottom) longjmp(env, 99);
    return n > 1000 ? n : depth(n - 1) + 1;
}

int main(void)
{
    int r = setjmp(env);
    if (r == 0) {
        depth(50);
        printf("not reached\n");
        return 1;
    }
    printf("longjmp returned %d\n", r);

    unsigned long long u = 0xfedcba9876543210ull;
    long long s = -0x123456789abcdefll;
    for (unsigned long long d = 3; d < 0x100000000ull; d = d * 7 + 1)
        printf("%llu %llu %lld %lld\n", u / d, u % d, s / (long long)d, s % (long long)d);
    return 0;
}
