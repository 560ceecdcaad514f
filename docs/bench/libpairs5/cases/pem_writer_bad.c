/* PEM encoder (RFC 7468): base64 body wrapped at 64 columns between
 * BEGIN/END lines.  A writer can be reused for several documents. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PEM_LINE 64
#define PEM_LABEL_MAX 64

struct pem_writer {
    char *out;
    size_t len;
    size_t cap;
    size_t col;
    uint8_t pend[3];
    unsigned npend;
    char label[PEM_LABEL_MAX + 1];
};

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int reserve(struct pem_writer *w, size_t n)
{
    size_t ncap;
    char *p;

    if (w->cap - w->len >= n)
        return 0;
    ncap = w->cap ? w->cap : 256;
    while (ncap - w->len < n)
        ncap *= 2;
    if (!(p = realloc(w->out, ncap)))
        return -1;
    w->out = p;
    w->cap = ncap;
    return 0;
}

static int put(struct pem_writer *w, const char *s, size_t n)
{
    if (reserve(w, n) < 0)
        return -1;
    memcpy(w->out + w->len, s, n);
    w->len += n;
    return 0;
}

static int put_quad(struct pem_writer *w, const uint8_t *in, unsigned n)
{
    char q[5];
    uint32_t v = (uint32_t)in[0] << 16 | (n > 1 ? (uint32_t)in[1] << 8 : 0) | (n > 2 ? in[2] : 0);
    size_t k = 4;

    q[0] = b64[v >> 18 & 63];
    q[1] = b64[v >> 12 & 63];
    q[2] = n > 1 ? b64[v >> 6 & 63] : '=';
    q[3] = n > 2 ? b64[v & 63] : '=';
    w->col += 4;
    if (w->col == PEM_LINE) {
        q[k++] = '\n';
        w->col = 0;
    }
    return put(w, q, k);
}

int pem_begin(struct pem_writer *w, const char *label)
{
    size_t n = strlen(label);

    if (n == 0 || n > PEM_LABEL_MAX || strchr(label, '-'))
        return -1;
    memcpy(w->label, label, n + 1);
    w->len = 0;
    w->col = 0;
    w->npend = 0;
    if (put(w, "-----BEGIN ", 11) < 0 || put(w, label, n) < 0 || put(w, "-----\n", 6) < 0)
        return -1;
    return 0;
}

int pem_update(struct pem_writer *w, const void *data, size_t n)
{
    const uint8_t *p = data;

    while (n) {
        w->pend[w->npend++] = *p++;
        n--;
        if (w->npend == 3) {
            if (put_quad(w, w->pend, 3) < 0)
                return -1;
            w->npend = 0;
        }
    }
    return 0;
}

/* Completes the document and returns the NUL-terminated text, which the
 * caller frees. */
char *pem_finish(struct pem_writer *w, size_t *len)
{
    char *r;

    if (w->npend && put_quad(w, w->pend, w->npend) < 0)
        return NULL;
    w->npend = 0;
    if ((w->col && put(w, "\n", 1) < 0) || put(w, "-----END ", 9) < 0 ||
        put(w, w->label, strlen(w->label)) < 0 || put(w, "-----\n", 7) < 0)
        return NULL;
    r = w->out;
    *len = w->len - 1;
    w->len = 0;
    w->col = 0;
    return r;
}

struct pem_writer *pem_writer_new(void)
{
    return calloc(1, sizeof(struct pem_writer));
}

void pem_writer_free(struct pem_writer *w)
{
    if (!w)
        return;
    free(w->out); // expect-warning: CWE-415
    free(w);
}
