/* Immutable rope of bytes: reference-counted leaf and concatenation
 * nodes shared between versions; concat, substring and flatten. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define ROPE_SHORT 32

struct rope {
    unsigned refs;
    size_t len;
    struct rope *left, *right;
    char *data;
};

struct rope *rope_retain(struct rope *r)
{
    if (r)
        r->refs++;
    return r;
}

void rope_release(struct rope *r)
{
    while (r && --r->refs == 0) {
        struct rope *right = r->right;

        rope_release(r->left);
        free(r->data);
        free(r);
        r = right;
    }
}

struct rope *rope_from(const char *s, size_t n)
{
    struct rope *r = calloc(1, sizeof(*r)); // expect-warning: CWE-401

    if (!r)
        return NULL;
    r->data = malloc(n ? n : 1);
    if (!r->data) {
        free(r);
        return NULL;
    }
    memcpy(r->data, s, n);
    r->len = n;
    r->refs = 1;
    return r;
}

static void copy_out(const struct rope *r, size_t off, size_t n, char *out)
{
    while (n) {
        if (r->data) {
            memcpy(out, r->data + off, n);
            return;
        }
        if (off < r->left->len) {
            size_t k = r->left->len - off < n ? r->left->len - off : n;
            copy_out(r->left, off, k, out);
            out += k;
            n -= k;
            off = 0;
        } else {
            off -= r->left->len;
        }
        r = r->right;
    }
}

/* New rope holding a followed by b; a and b keep their own references. */
struct rope *rope_concat(struct rope *a, struct rope *b)
{
    struct rope *r;

    if (!a || !b)
        return NULL;
    if (b->len == 0)
        return rope_retain(a);
    if (a->len == 0)
        return rope_retain(b);
    if (a->len + b->len <= ROPE_SHORT) {
        char buf[ROPE_SHORT];
        copy_out(a, 0, a->len, buf);
        copy_out(b, 0, b->len, buf + a->len);
        return rope_from(buf, a->len + b->len);
    }
    r = calloc(1, sizeof(*r));
    if (!r)
        return NULL;
    r->refs = 1;
    r->len = a->len + b->len;
    r->left = rope_retain(a);
    r->right = rope_retain(b);
    return r;
}

/* Bytes [off, off + n) of r as a rope sharing r's nodes. */
struct rope *rope_sub(struct rope *r, size_t off, size_t n)
{
    struct rope *a, *b, *res;
    size_t ln;

    if (!r || off > r->len || n > r->len - off)
        return NULL;
    if (off == 0 && n == r->len)
        return rope_retain(r);
    if (r->data)
        return rope_from(r->data + off, n);
    ln = r->left->len;
    if (off + n <= ln)
        return rope_sub(r->left, off, n);
    if (off >= ln)
        return rope_sub(r->right, off - ln, n);
    a = rope_sub(r->left, off, ln - off);
    b = rope_sub(r->right, 0, n - (ln - off));
    res = rope_concat(a, b);
    rope_release(a);
    return res;
}

size_t rope_len(const struct rope *r)
{
    return r ? r->len : 0;
}

/* Copies the whole rope into out (r->len + 1 bytes, NUL-terminated). */
int rope_flatten(const struct rope *r, char *out, size_t cap)
{
    if (!r || cap < r->len + 1)
        return -1;
    copy_out(r, 0, r->len, out);
    out[r->len] = '\0';
    return 0;
}

/* Index of the first occurrence of byte c at or after off, or -1. */
long rope_find(const struct rope *r, size_t off, char c)
{
    const char *p;
    size_t ln;
    long k;

    if (!r || off >= r->len)
        return -1;
    if (r->data) {
        p = memchr(r->data + off, c, r->len - off);
        return p ? (long)(p - r->data) : -1;
    }
    ln = r->left->len;
    if (off < ln && (k = rope_find(r->left, off, c)) >= 0)
        return k;
    k = rope_find(r->right, off > ln ? off - ln : 0, c);
    return k >= 0 ? k + (long)ln : -1;
}
