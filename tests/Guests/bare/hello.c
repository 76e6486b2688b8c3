/* printf of integers, strings and padding, and a non-zero exit code. */
#include <stdio.h>

int main(void)
{
    printf("hello from an ARM guest\n");
    printf("%d %u %x %o %c %s|%8d|%-8d|%08x\n", -42, 42u, 0xbeefu, 8u, 'q', "str", 7, 7, 0xabcu);
    printf("%lld %llu %llx\n", -1234567890123ll, 18446744073709551615ull, 0x123456789abcdefull);
    return 7;
}
