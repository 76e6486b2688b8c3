/* malloc/free/realloc churn with a checksum of what was stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    enum { N = 200 };
    unsigned char *blocks[N] = {0};
    unsigned sizes[N] = {0};
    unsigned seed = 12345, sum = 0;
    for (int round = 0; round < 20000; round++) {
        seed = seed * 1103515245u + 12345u;
        int k = (seed >> 16) % N;
        if (blocks[k]) {
            for (unsigned i = 0; i < sizes[k]; i++) sum = sum * 31 + blocks[k][i];
            if ((seed & 3) == 0) {
                unsigned n = (seed >> 8) % 300 + 1;
                blocks[k] = realloc(blocks[k], n);
                if (n > sizes[k]) memset(blocks[k] + sizes[k], (int)(seed & 0xff), n - sizes[k]);
                sizes[k] = n;
            } else {
                free(blocks[k]);
                blocks[k] = 0;
            }
        } else {
            sizes[k] = (seed >> 8) % 500 + 1;
            blocks[k] = malloc(sizes[k]);
            if (!blocks[k]) { printf("out of memory\n"); return 1; }
            memset(blocks[k], (int)(round & 0xff), sizes[k]);
        }
    }
    printf("heap checksum %08x\n", sum);
    return 0;
}
