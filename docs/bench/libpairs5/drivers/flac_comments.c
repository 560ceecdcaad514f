#include CASE
#include <stdio.h>

static size_t put32le(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); return 4; }

/* Overwrites dead stack below main() so that no stale copy of a lost
 * pointer keeps LeakSanitizer from reporting it. */
__attribute__((noinline, no_sanitize("address"))) static void scrub_stack(void)
{
    volatile char pad[4096];
    size_t i;
    for (i = 0; i < sizeof(pad); i++)
        pad[i] = 0;
}

int main(void)
{
    uint8_t b[128];
    size_t n = 0, blk;
    struct vc_list *l;

    memcpy(b, "fLaC", 4); n = 4;
    b[n] = FLAC_LAST_BLOCK | FLAC_BLOCK_VORBIS_COMMENT; blk = n; n += 4;
    n += put32le(b + n, 8); memcpy(b + n, "libFLAC ", 8); n += 8;
    n += put32le(b + n, 2);
    n += put32le(b + n, 11); memcpy(b + n, "TITLE=Intro", 11); n += 11;
    n += put32le(b + n, 7); memcpy(b + n, "COMMENT", 7); n += 7;
    b[blk + 1] = 0; b[blk + 2] = 0; b[blk + 3] = (uint8_t)(n - blk - 4);
    l = flac_read_comments(b, n);
    printf("comments: %zu\n", l ? l->n : 0);
    vc_free(l);
    scrub_stack();
    return 0;
}
