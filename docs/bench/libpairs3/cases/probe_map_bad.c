#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Open-addressing hash map from 64-bit keys to 64-bit values with linear
 * probing and tombstones.  The table doubles when live entries plus
 * tombstones exceed 3/4 of the capacity.
 */

enum { SLOT_EMPTY = 0, SLOT_LIVE = 1, SLOT_DEAD = 2 };

struct pm_slot {
    uint8_t state;
    uint64_t key;
    int64_t value;
};

struct probe_map {
    struct pm_slot *slots;
    size_t cap;        /* power of two */
    size_t live;
    size_t dead;
};

static size_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (size_t)k;
}

int pm_init(struct probe_map *m, size_t cap)
{
    size_t c = 8;

    while (c < cap)
        c *= 2;
    m->slots = calloc(c, sizeof(*m->slots));
    if (!m->slots)
        return -1;
    m->cap = c;
    m->live = m->dead = 0;
    return 0;
}

static int pm_rehash(struct probe_map *m, size_t newcap)
{
    struct pm_slot *ns = malloc(newcap * sizeof(*ns));
    size_t i, mask = newcap - 1;

    if (!ns)
        return -1;
    for (i = 0; i < m->cap; i++) {
        size_t j;

        if (m->slots[i].state != SLOT_LIVE)
            continue;
        j = mix(m->slots[i].key) & mask;
        while (ns[j].state != SLOT_EMPTY) // expect-warning: CWE-908
            j = (j + 1) & mask;
        ns[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = ns;
    m->cap = newcap;
    m->dead = 0;
    return 0;
}

static struct pm_slot *pm_find(const struct probe_map *m, uint64_t key)
{
    size_t mask = m->cap - 1, j = mix(key) & mask, n;

    for (n = 0; n < m->cap; n++, j = (j + 1) & mask) {
        struct pm_slot *s = &m->slots[j];
        if (s->state == SLOT_EMPTY)
            return NULL;
        if (s->state == SLOT_LIVE && s->key == key)
            return s;
    }
    return NULL;
}

int pm_put(struct probe_map *m, uint64_t key, int64_t value)
{
    struct pm_slot *s = pm_find(m, key);
    size_t mask, j;

    if (s) {
        s->value = value;
        return 0;
    }
    if ((m->live + m->dead + 1) * 4 > m->cap * 3) {
        size_t nc = m->live * 2 >= m->cap ? m->cap * 2 : m->cap;
        if (pm_rehash(m, nc) < 0)
            return -1;
    }
    mask = m->cap - 1;
    j = mix(key) & mask;
    while (m->slots[j].state == SLOT_LIVE)
        j = (j + 1) & mask;
    if (m->slots[j].state == SLOT_DEAD)
        m->dead--;
    m->slots[j].state = SLOT_LIVE;
    m->slots[j].key = key;
    m->slots[j].value = value;
    m->live++;
    return 0;
}

int pm_get(const struct probe_map *m, uint64_t key, int64_t *value)
{
    const struct pm_slot *s = pm_find(m, key);

    if (!s)
        return -1;
    *value = s->value;
    return 0;
}

int pm_del(struct probe_map *m, uint64_t key)
{
    struct pm_slot *s = pm_find(m, key);

    if (!s)
        return -1;
    s->state = SLOT_DEAD;
    m->live--;
    m->dead++;
    return 0;
}

void pm_free(struct probe_map *m)
{
    free(m->slots);
    memset(m, 0, sizeof(*m));
}
