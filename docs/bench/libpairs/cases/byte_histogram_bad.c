#include <stddef.h>
#include <stdint.h>

struct byte_stats {
    uint8_t mode;
    size_t mode_count;
    unsigned distinct;
    int is_text;
};

static void count_bytes(const uint8_t *p, size_t n, size_t counts[256])
{
    size_t i;

    for (i = 0; i < n; i++)
        counts[p[i]]++;  // expect-warning: CWE-457
}

/* Summarises the byte distribution of a buffer (used to sniff file types). */
int byte_stats_compute(const uint8_t *p, size_t n, struct byte_stats *st)
{
    size_t counts[256];
    size_t ctrl = 0;
    unsigned b;

    if (n == 0)
        return -1;
    count_bytes(p, n, counts);
    st->mode = 0;
    st->mode_count = 0;
    st->distinct = 0;
    for (b = 0; b < 256; b++) {
        if (counts[b] == 0)
            continue;
        st->distinct++;
        if (counts[b] > st->mode_count) {
            st->mode_count = counts[b];
            st->mode = (uint8_t)b;
        }
        if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f)
            ctrl += counts[b];
    }
    st->is_text = ctrl * 100 < n;
    return 0;
}
