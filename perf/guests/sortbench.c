/* qsort and an insertion sort of pseudo-random integers: calls through pointers, branches, memory traffic. */
#include <stdio.h>
#include <stdlib.h>

#define N 60000
static int v[N];

static int cmp(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

int main(void)
{
    unsigned seed = 2024, check = 0;
    for (int round = 0; round < 15; round++) {
        for (int i = 0; i < N; i++) { seed = seed * 1103515245u + 12345u; v[i] = (int)(seed >> 1); }
        qsort(v, N, sizeof v[0], cmp);
        for (int i = 0; i < N; i += 997) check = check * 33u + (unsigned)v[i];
    }
    static int w[3000];
    for (int i = 0; i < 3000; i++) { seed = seed * 1103515245u + 12345u; w[i] = (int)(seed >> 8); }
    for (int i = 1; i < 3000; i++) {
        int x = w[i], j = i - 1;
        while (j >= 0 && w[j] > x) { w[j + 1] = w[j]; j--; }
        w[j + 1] = x;
    }
    printf("sorted: checksum %08x, median %d\n", check, w[1500]);
    return 0;
}
