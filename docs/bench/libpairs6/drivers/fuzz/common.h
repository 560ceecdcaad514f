/* Shared helpers for the libFuzzer harnesses (included after the case). */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fz {
    const uint8_t *d;
    size_t n, i;
};

static inline int fz_more(const struct fz *f) { return f->i < f->n; }

static inline unsigned fz_u8(struct fz *f) { return f->i < f->n ? f->d[f->i++] : 0; }

static inline unsigned fz_u16(struct fz *f) { unsigned a = fz_u8(f); return a | (fz_u8(f) << 8); }

/* Next chunk of at most max bytes (length taken from the stream). */
static inline size_t fz_chunk(struct fz *f, size_t max, const uint8_t **p)
{
    size_t k = fz_u8(f);
    if (k > max) k = max;
    if (k > f->n - f->i) k = f->n - f->i;
    *p = f->d + f->i;
    f->i += k;
    return k;
}

/* Same, as a freshly allocated NUL-terminated string (caller frees). */
static inline char *fz_str(struct fz *f, size_t max)
{
    const uint8_t *p;
    size_t k = fz_chunk(f, max, &p);
    char *s = malloc(k + 1);
    memcpy(s, p, k);
    s[k] = '\0';
    return s;
}

/* Runs STMT once per '\n'-separated line with `char *line` (heap copy, NUL
 * terminated, freed afterwards) and `size_t line_len`. */
#define FOR_LINES(d, n, STMT)                                           \
    do {                                                                \
        size_t fl_s = 0, fl_e;                                          \
        while (fl_s <= (n)) {                                           \
            for (fl_e = fl_s; fl_e < (n) && (d)[fl_e] != '\n'; fl_e++)  \
                ;                                                       \
            {                                                           \
                size_t line_len = fl_e - fl_s;                          \
                char *line = malloc(line_len + 1);                      \
                memcpy(line, (d) + fl_s, line_len);                     \
                line[line_len] = '\0';                                  \
                STMT;                                                   \
                free(line);                                             \
            }                                                           \
            fl_s = fl_e + 1;                                            \
        }                                                               \
    } while (0)
