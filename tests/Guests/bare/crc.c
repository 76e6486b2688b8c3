/* CRC-32 (table-driven and bitwise) and the string functions of newlib. */
#include <stdio.h>
#include <string.h>

static unsigned table[256];

static unsigned crc_bitwise(const unsigned char *p, unsigned n)
{
    unsigned c = ~0u;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1));
    }
    return ~c;
}

int main(void)
{
    for (unsigned i = 0; i < 256; i++) {
        unsigned c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    static unsigned char data[65536];
    unsigned seed = 99;
    for (unsigned i = 0; i < sizeof data; i++) { seed = seed * 1664525u + 1013904223u; data[i] = (unsigned char)(seed >> 24); }
    unsigned c = ~0u;
    for (unsigned i = 0; i < sizeof data; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);
    printf("crc32 table %08x bitwise %08x\n", ~c, crc_bitwise(data, sizeof data));

    char buf[128];
    strcpy(buf, "The quick brown fox");
    strcat(buf, " jumps over the lazy dog");
    printf("%u %s\n", (unsigned)strlen(buf), buf);
    printf("%d %d %d\n", strcmp("abc", "abd") < 0, strncmp("abcdef", "abcxyz", 3), memcmp("xyz", "xya", 3) > 0);
    printf("%s|%s|%s\n", strchr(buf, 'q'), strrchr(buf, 'o'), strstr(buf, "lazy"));
    memmove(buf + 4, buf, 10);
    buf[20] = 0;
    printf("%s\n", buf);
    char *tok = strtok(buf, " ");
    while (tok) { printf("[%s]", tok); tok = strtok(0, " "); }
    printf("\n");
    return 0;
}
