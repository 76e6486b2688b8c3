/* qsort of integers and strings with library and hand-written comparators. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_value(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
    static int values[5000];
    unsigned seed = 7;
    for (int i = 0; i < 5000; i++) { seed = seed * 69069u + 1; values[i] = (int)(seed >> 3) - (1 << 28); }
    qsort(values, 5000, sizeof values[0], by_value);
    unsigned sum = 0;
    for (int i = 0; i < 5000; i++) sum = sum * 33 + (unsigned)values[i];
    for (int i = 1; i < 5000; i++) if (values[i - 1] > values[i]) { printf("not sorted at %d\n", i); return 1; }
    const char *names[] = {"pear", "apple", "fig", "kiwi", "banana", "cherry", "date", "lime"};
    qsort(names, 8, sizeof names[0], by_name);
    for (int i = 0; i < 8; i++) printf("%s ", names[i]);
    printf("\nmin %d max %d sum %08x\n", values[0], values[4999], sum);
    return 0;
}
