/* Bitwise and table-driven CRC-32 over a buffer: shifts, logic, data-dependent branches. */
#include <stdio.h>

static unsigned table[256];
static unsigned char data[1 << 16];

int main(void)
{
    for (unsigned i = 0; i < 256; i++) {
        unsigned c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    unsigned seed = 7;
    for (unsigned i = 0; i < sizeof data; i++) { seed = seed * 1664525u + 1013904223u; data[i] = (unsigned char)(seed >> 24); }
    unsigned fast = 0, slow = 0;
    for (int round = 0; round < 300; round++) {
        unsigned c = ~0u;
        for (unsigned i = 0; i < sizeof data; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);
        fast = fast * 31u + ~c + (unsigned)round;
    }
    for (int round = 0; round < 40; round++) {
        unsigned c = ~0u;
        for (unsigned i = 0; i < sizeof data; i++) {
            c ^= data[i];
            for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1));
        }
        slow = slow * 31u + ~c + (unsigned)round;
    }
    printf("crc32 table %08x bitwise %08x\n", fast, slow);
    return 0;
}
