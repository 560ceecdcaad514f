#include CASE
#include <stdio.h>

__attribute__((noinline, no_sanitize("address"))) static void scrub_stack(void)
{
    volatile char pad[4096];
    size_t i;
    for (i = 0; i < sizeof(pad); i++)
        pad[i] = 0;
}

static size_t frame(uint8_t *p, const char *id, const char *text)
{
    size_t n = strlen(text) + 1;
    memcpy(p, id, 4);
    p[4] = 0; p[5] = 0; p[6] = 0; p[7] = (uint8_t)n; p[8] = 0; p[9] = 0;
    p[10] = 3;                               /* UTF-8 */
    memcpy(p + 11, text, n - 1);
    return 10 + n;
}

int main(void)
{
    uint8_t b[256] = { 'I', 'D', '3', 4, 0, 0 };
    size_t n = ID3_HDR_LEN;
    struct id3_tag *t;

    n += frame(b + n, "TIT2", "Working Title");
    n += frame(b + n, "TPE1", "Artist");
    n += frame(b + n, "TIT2", "Final Title");
    b[9] = (uint8_t)(n - ID3_HDR_LEN);
    t = id3_parse(b, n);
    printf("title: %s\n", t && t->title ? t->title : "-");
    id3_free(t);
    scrub_stack();
    return 0;
}
