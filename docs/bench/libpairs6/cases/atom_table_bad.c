/* Atom table: interned, reference-counted strings in a chained hash
 * table, so equal names share one allocation and compare by pointer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct atom {
    struct atom *next;
    uint32_t hash;
    unsigned refs;
    size_t len;
    char text[];
};

struct atom_table {
    struct atom **buckets;
    size_t nbuckets;
    size_t count;
    size_t lookups, hits;
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;

    while (n--) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

struct atom_table *atom_table_new(size_t nbuckets)
{
    struct atom_table *t;

    if (nbuckets == 0 || (nbuckets & (nbuckets - 1)))
        return NULL;
    t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->buckets = calloc(nbuckets, sizeof(*t->buckets));
    if (!t->buckets) {
        free(t);
        return NULL;
    }
    t->nbuckets = nbuckets;
    return t;
}

static struct atom *find(struct atom_table *t, const char *s, size_t n, uint32_t h)
{
    struct atom *a;

    t->lookups++;
    for (a = t->buckets[h & (t->nbuckets - 1)]; a; a = a->next) {
        if (a->hash == h && a->len == n && memcmp(a->text, s, n) == 0) { // expect-warning: CWE-416
            t->hits++;
            return a;
        }
    }
    return NULL;
}

/* Returns the atom for s[0..n-1] with one more reference. */
struct atom *atom_intern(struct atom_table *t, const char *s, size_t n)
{
    uint32_t h = fnv1a(s, n);
    struct atom *a = find(t, s, n, h);
    size_t b;

    if (a) {
        a->refs++;
        return a;
    }
    a = malloc(sizeof(*a) + n + 1);
    if (!a)
        return NULL;
    a->hash = h;
    a->refs = 1;
    a->len = n;
    memcpy(a->text, s, n);
    a->text[n] = '\0';
    b = h & (t->nbuckets - 1);
    a->next = t->buckets[b];
    t->buckets[b] = a;
    t->count++;
    return a;
}

struct atom *atom_lookup(struct atom_table *t, const char *s, size_t n)
{
    return find(t, s, n, fnv1a(s, n));
}

struct atom *atom_ref(struct atom *a)
{
    if (a)
        a->refs++;
    return a;
}

static void unlink_atom(struct atom_table *t, struct atom *a)
{
    struct atom **head = &t->buckets[a->hash & (t->nbuckets - 1)];

    if (*head == a)
        *head = a->next;
    t->count--;
}

/* Drops one reference; the atom is removed when the last one goes. */
void atom_release(struct atom_table *t, struct atom *a)
{
    if (!a || --a->refs > 0)
        return;
    unlink_atom(t, a);
    free(a);
}

const char *atom_text(const struct atom *a)
{
    return a->text;
}

size_t atom_table_count(const struct atom_table *t)
{
    return t->count;
}

/* Releases every remaining atom regardless of its count. */
void atom_table_free(struct atom_table *t)
{
    struct atom *a, *next;
    size_t i;

    if (!t)
        return;
    for (i = 0; i < t->nbuckets; i++)
        for (a = t->buckets[i]; a; a = next) {
            next = a->next;
            free(a);
        }
    free(t->buckets);
    free(t);
}
