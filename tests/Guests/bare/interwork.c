/* Calls between ARM and Thumb functions in both directions: direct (BL/BLX immediate), through
   function pointers (BLX register), returns by BX LR and POP {pc}; Thumb switches (TBB/TBH) and
   IT blocks; recursion that changes state on every call. */
#include <stdio.h>
#include <string.h>

#define ARM __attribute__((target("arm"), noinline))
#define THUMB __attribute__((target("thumb"), noinline))

ARM int arm_square(int x) { return x * x; }
THUMB int thumb_twice(int x) { return 2 * x; }
ARM int arm_calls_thumb(int x) { return thumb_twice(x) + 1; }
THUMB int thumb_calls_arm(int x) { return arm_square(x) - 1; }

typedef int (*unary)(int);
static volatile unary table[] = { arm_square, thumb_twice, arm_calls_thumb, thumb_calls_arm };

THUMB int thumb_indirect(int k, int x) { return table[k & 3](x); }
ARM int arm_indirect(int k, int x) { return table[k & 3](x); }

ARM int arm_fib(int n);
THUMB int thumb_fib(int n) { return n < 2 ? n : arm_fib(n - 1) + arm_fib(n - 2); }
ARM int arm_fib(int n) { return n < 2 ? n : thumb_fib(n - 1) + thumb_fib(n - 2); }

THUMB int thumb_small_switch(int k)
{
    switch (k)
    {
    case 0: return 11; case 1: return 7; case 2: return -3; case 3: return 90;
    case 4: return 12; case 5: return 1000; case 6: return 5; case 7: return 42;
    default: return -1;
    }
}

/* Cases with enough code between them that the table needs halfword offsets (TBH). */
THUMB int thumb_large_switch(int k, int x)
{
    switch (k)
    {
#define CASE(n) case n: x = x * (n + 3) ^ (x >> (n % 7)); x += n * 77; x = (x << 3) - (x >> 2) + n; x ^= x * 13 + n; break;
    CASE(0) CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8) CASE(9)
    CASE(10) CASE(11) CASE(12) CASE(13) CASE(14) CASE(15) CASE(16) CASE(17) CASE(18) CASE(19)
    CASE(20) CASE(21) CASE(22) CASE(23) CASE(24) CASE(25) CASE(26) CASE(27) CASE(28) CASE(29)
    CASE(30) CASE(31) CASE(32) CASE(33) CASE(34) CASE(35) CASE(36) CASE(37) CASE(38) CASE(39)
    default: x = -x; break;
    }
    return x;
}

/* Conditional code the compiler turns into IT blocks. */
THUMB int thumb_clamp_sum(const int *v, int n, int lo, int hi)
{
    int sum = 0;
    for (int k = 0; k < n; k++)
    {
        int x = v[k];
        if (x < lo) x = lo;
        else if (x > hi) x = hi;
        sum += x & 1 ? x : -x;
    }
    return sum;
}

THUMB unsigned thumb_count_bits(unsigned x)
{
    unsigned n = 0;
    while (x) { n += x & 1; x >>= 1; }
    return n;
}

int main(void)
{
    int total = 0;
    for (int k = 0; k < 8; k++)
    {
        int a = thumb_indirect(k, k + 3), b = arm_indirect(k + 1, k - 5);
        printf("k=%d thumb_indirect=%d arm_indirect=%d\n", k, a, b);
        total += a ^ b;
    }
    printf("fib(18) across states = %d\n", thumb_fib(18));
    for (int k = -1; k < 10; k++) total += thumb_small_switch(k);
    for (int k = 0; k < 44; k++) total ^= thumb_large_switch(k, total + k);
    int values[64];
    for (int k = 0; k < 64; k++) values[k] = (k * 37) % 101 - 50;
    printf("clamp sum = %d\n", thumb_clamp_sum(values, 64, -20, 30));
    printf("bits = %u\n", thumb_count_bits(0xdeadbeefu));
    char text[32];
    strcpy(text, "interworking");
    printf("%s total = %d\n", text, total);
    return total & 0x7f;
}
