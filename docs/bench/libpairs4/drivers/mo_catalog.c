/* Driver: a little-endian catalog with two messages whose translation
 * table starts 8 bytes before the end of the file (room for one entry). */
#include <stdio.h>
#include <stdlib.h>
#include CASE

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

int main(void)
{
    size_t len = 78;
    uint8_t *d = calloc(1, len);
    struct mo_catalog c;

    put32(d, MO_MAGIC);
    put32(d + 8, 2);                     /* messages */
    put32(d + 12, 28);                   /* originals table */
    put32(d + 16, 70);                   /* translations table */
    put32(d + 28, 5); put32(d + 32, 44); /* "hello" */
    put32(d + 36, 5); put32(d + 40, 50); /* "world" */
    memcpy(d + 44, "hello\0world\0bonjour\0monde", 26);
    put32(d + 70, 7); put32(d + 74, 56); /* "bonjour" */
    if (mo_open(&c, d, len) < 0) {
        printf("rejected\n");
    } else {
        printf("%u messages\n", mo_count(&c));
        printf("hello -> %s\n", mo_gettext(&c, "hello"));
        printf("world -> %s\n", mo_gettext(&c, "world"));
    }
    free(d);
    return 0;
}
