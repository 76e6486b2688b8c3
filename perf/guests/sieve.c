/* Sieve of Eratosthenes over a byte array, repeated: loads, stores, compares, tight loops. */
#include <stdio.h>
#include <string.h>

#define N 200000
static unsigned char composite[N + 1];

int main(void)
{
    unsigned total = 0;
    for (int round = 0; round < 120; round++) {
        memset(composite, 0, sizeof composite);
        unsigned count = 0;
        for (unsigned i = 2; i <= N; i++) {
            if (composite[i]) continue;
            count++;
            for (unsigned j = i * 2; j <= N; j += i) composite[j] = 1;
        }
        total += count;
    }
    printf("primes below %d: %u (x120 = %u)\n", N, total / 120, total);
    return 0;
}
