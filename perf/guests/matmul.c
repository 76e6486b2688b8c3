/* Integer matrix multiply: multiply-accumulate, strided loads, nested loops. */
#include <stdio.h>

#define N 96
static int a[N][N], b[N][N], c[N][N];

int main(void)
{
    unsigned seed = 12345;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            seed = seed * 1103515245u + 12345u; a[i][j] = (int)(seed >> 16) % 100 - 50;
            seed = seed * 1103515245u + 12345u; b[i][j] = (int)(seed >> 16) % 100 - 50;
        }
    unsigned check = 0;
    for (int round = 0; round < 60; round++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                int sum = 0;
                for (int k = 0; k < N; k++) sum += a[i][k] * b[k][j];
                c[i][j] = sum + round;
            }
        for (int i = 0; i < N; i++) check = check * 31u + (unsigned)c[i][(i * 7) % N];
    }
    printf("matmul %dx%d checksum %08x\n", N, N, check);
    return 0;
}
