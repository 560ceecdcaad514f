/* GIF image-data reader: de-blocks the data sub-blocks and runs the
 * variable-width LZW decoder into an index buffer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LZW_MAX_CODES 4096
#define LZW_MAX_BITS 12

struct gif_lzw {
    uint16_t *prefix;
    uint8_t *suffix;
    uint8_t *stack;
    unsigned min_size;
    unsigned code_size;
    unsigned clear_code;
    unsigned end_code;
    unsigned next_code;
    int prev;
    uint8_t first;
    const uint8_t *data;
    size_t len, pos;
    unsigned block_left;
    uint32_t bits;
    unsigned nbits;
};

struct gif_lzw *gif_lzw_new(unsigned min_size)
{
    struct gif_lzw *s;

    if (min_size < 2 || min_size > 8)
        return NULL;
    s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->prefix = malloc(LZW_MAX_CODES * sizeof(*s->prefix));
    s->suffix = malloc(LZW_MAX_CODES);
    s->stack = malloc(LZW_MAX_CODES);
    if (!s->prefix || !s->suffix || !s->stack) {
        free(s->prefix);
        free(s->suffix);
        free(s->stack);
        free(s);
        return NULL;
    }
    s->min_size = min_size;
    s->clear_code = 1u << min_size;
    s->end_code = s->clear_code + 1;
    for (unsigned i = 0; i < s->clear_code; i++) {
        s->prefix[i] = 0;
        s->suffix[i] = (uint8_t)i;
    }
    return s;
}

void gif_lzw_free(struct gif_lzw *s)
{
    if (!s)
        return;
    free(s->prefix);
    free(s->suffix);
    free(s->stack);
    free(s);
}

static int next_byte(struct gif_lzw *s)
{
    if (s->block_left == 0) {
        if (s->pos >= s->len)
            return -1;
        s->block_left = s->data[s->pos++];
        if (s->block_left == 0)
            return -1;
    }
    if (s->pos >= s->len)
        return -1;
    s->block_left--;
    return s->data[s->pos++];
}

static int read_code(struct gif_lzw *s)
{
    int c;

    while (s->nbits < s->code_size) {
        if ((c = next_byte(s)) < 0)
            return -1;
        s->bits |= (uint32_t)c << s->nbits;
        s->nbits += 8;
    }
    c = (int)(s->bits & ((1u << s->code_size) - 1));
    s->bits >>= s->code_size;
    s->nbits -= s->code_size;
    return c;
}

static void reset_table(struct gif_lzw *s)
{
    s->code_size = s->min_size + 1;
    s->next_code = s->end_code + 1;
    s->prev = -1;
}

static void add_code(struct gif_lzw *s, int prev, uint8_t c)
{
    if (s->next_code >= LZW_MAX_CODES)
        return;
    s->prefix[s->next_code] = (uint16_t)prev;
    s->suffix[s->next_code] = c;
    s->next_code++;
    if (s->next_code == (1u << s->code_size) && s->code_size < LZW_MAX_BITS)
        s->code_size++;
}

/* Decodes the sub-blocks in data into at most npix palette indices.
 * Returns the number of indices written, or -1 on a malformed stream. */
long gif_lzw_decode(struct gif_lzw *s, const uint8_t *data, size_t len,
                    uint8_t *out, size_t npix)
{
    size_t o = 0, sp;
    int code, cur;

    s->data = data;
    s->len = len;
    s->pos = 0;
    s->block_left = 0;
    s->bits = 0;
    s->nbits = 0;
    reset_table(s);
    while (o < npix && (code = read_code(s)) >= 0) {
        if ((unsigned)code == s->clear_code) {
            reset_table(s);
            continue;
        }
        if ((unsigned)code == s->end_code)
            break;
        if (s->prev < 0) {
            if ((unsigned)code >= s->clear_code)
                return -1;
            out[o++] = s->first = (uint8_t)code;
            s->prev = code;
            continue;
        }
        if ((unsigned)code > s->next_code)
            return -1;
        sp = 0;
        cur = code;
        if ((unsigned)code == s->next_code) {
            s->stack[sp++] = s->first;
            cur = s->prev;
        }
        while (cur > (int)s->end_code && sp < LZW_MAX_CODES) {
            s->stack[sp++] = s->suffix[cur];
            cur = s->prefix[cur];
        }
        if (sp >= LZW_MAX_CODES)
            return -1;
        s->stack[sp++] = s->first = s->suffix[cur];
        while (sp > 0 && o < npix)
            out[o++] = s->stack[--sp];
        add_code(s, s->prev, s->first);
        s->prev = code;
    }
    return (long)o;
}
