/* Region (arena) allocator for per-request data: bump allocation from a
 * chain of blocks, everything released at once.  Requests larger than the
 * block size get a block of their own. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_BLOCK 4096

struct arena_block {
    struct arena_block *next;
    size_t size, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
    struct arena_block *head;
    size_t block_size;
    size_t nblocks, bytes_used;
};

void arena_init(struct arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : ARENA_DEFAULT_BLOCK;
    a->nblocks = 0;
    a->bytes_used = 0;
}

static struct arena_block *block_new(size_t size)
{
    struct arena_block *b = malloc(sizeof(*b) + size);

    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *arena_alloc(struct arena *a, size_t n)
{
    struct arena_block *b = a->head;
    void *p;

    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (!b || b->size - b->used < n) {
        b = block_new(n > a->block_size ? n : a->block_size);
        if (!b)
            return NULL;
        if (a->head && n > a->block_size) {
            /* keep filling the current block; put the big one behind it */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
        a->nblocks++;
    }
    p = b->data + b->used;
    b->used += n;
    a->bytes_used += n;
    return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
    void *p;

    if (size && count > SIZE_MAX / size)
        return NULL;
    p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);

    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

/* Releases every block except the first one, which is emptied for reuse. */
void arena_reset(struct arena *a)
{
    struct arena_block *b, *next;

    if (!a->head)
        return;
    for (b = a->head->next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head->next = NULL;
    a->head->used = 0;
    a->nblocks = 1;
    a->bytes_used = 0;
}

void arena_destroy(struct arena *a)
{
    struct arena_block *b, *next;

    for (b = a->head; b; b = next) {
        next = b->next;
        free(b);
    }
    arena_init(a, a->block_size);
}
