#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct edge {
    unsigned to;
    unsigned weight;
    struct edge *next;
};

struct graph {
    unsigned nverts;
    struct edge **adj;
};

struct graph *graph_new(unsigned nverts)
{
    struct graph *g;

    if (nverts == 0)
        return NULL;
    g = malloc(sizeof *g);
    if (g == NULL)
        return NULL;
    g->adj = calloc(nverts, sizeof *g->adj);
    if (g->adj == NULL) {
        free(g);
        return NULL;
    }
    g->nverts = nverts;
    return g;
}

int graph_add_edge(struct graph *g, unsigned from, unsigned to, unsigned weight)
{
    struct edge *e;

    if (from >= g->nverts || to >= g->nverts)
        return -1;
    e = malloc(sizeof *e);
    e->to = to;  // expect-warning: CWE-690
    e->weight = weight;
    e->next = g->adj[from];
    g->adj[from] = e;
    return 0;
}

/* Loads edges from 6-byte records: from(2) to(2) weight(2), big endian. */
int graph_load(struct graph *g, const uint8_t *p, size_t n)
{
    size_t off;

    if (n % 6 != 0)
        return -1;
    for (off = 0; off < n; off += 6) {
        unsigned from = ((unsigned)p[off] << 8) | p[off + 1];
        unsigned to = ((unsigned)p[off + 2] << 8) | p[off + 3];
        unsigned w = ((unsigned)p[off + 4] << 8) | p[off + 5];

        if (graph_add_edge(g, from, to, w) < 0)
            return -1;
    }
    return 0;
}

void graph_free(struct graph *g)
{
    unsigned v;

    if (g == NULL)
        return;
    for (v = 0; v < g->nverts; v++) {
        struct edge *e = g->adj[v], *next;

        while (e != NULL) {
            next = e->next;
            free(e);
            e = next;
        }
    }
    free(g->adj);
    free(g);
}
