#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * In-process publish/subscribe bus.  Handlers are invoked synchronously
 * from bus_publish() and may subscribe or unsubscribe (themselves or
 * others) while a publish is in progress: removal is then deferred until
 * the outermost publish returns.
 */

typedef void (*bus_handler)(void *arg, const char *topic, const void *msg, size_t len);

struct subscription {
    struct subscription *next;
    unsigned id;
    int removed;
    char topic[48];
    bus_handler fn;
    void *arg;
};

struct bus {
    struct subscription *head;
    unsigned next_id;
    int publishing;
    size_t pending_removals;
    size_t delivered;
};

/* Topic filters may end in '*' to match any suffix. */
static int topic_matches(const char *filter, const char *topic)
{
    size_t n = strlen(filter);

    if (n > 0 && filter[n - 1] == '*')
        return strncmp(filter, topic, n - 1) == 0;
    return strcmp(filter, topic) == 0;
}

unsigned bus_subscribe(struct bus *b, const char *filter, bus_handler fn, void *arg)
{
    struct subscription *s, **pp;

    if (strlen(filter) >= sizeof(s->topic) || !fn)
        return 0;
    s = calloc(1, sizeof(*s));
    if (!s)
        return 0;
    strcpy(s->topic, filter);
    s->fn = fn;
    s->arg = arg;
    s->id = ++b->next_id;
    for (pp = &b->head; *pp; pp = &(*pp)->next)
        ;
    *pp = s;
    return s->id;
}

static void bus_reap(struct bus *b)
{
    struct subscription **pp = &b->head, *s;

    while ((s = *pp) != NULL) {
        if (s->removed) {
            *pp = s->next;
            free(s);
        } else {
            pp = &s->next;
        }
    }
    b->pending_removals = 0;
}

int bus_unsubscribe(struct bus *b, unsigned id)
{
    struct subscription **pp, *s;

    for (pp = &b->head; (s = *pp) != NULL; pp = &s->next) {
        if (s->id != id || s->removed)
            continue;
        if (b->publishing) {
            s->removed = 1;
            b->pending_removals++;
        } else {
            *pp = s->next;
            free(s);
        }
        return 0;
    }
    return -1;
}

size_t bus_publish(struct bus *b, const char *topic, const void *msg, size_t len)
{
    struct subscription *s, *next;
    size_t n = 0;

    b->publishing++;
    for (s = b->head; s != NULL; s = next) {
        next = s->next;
        if (s->removed || !topic_matches(s->topic, topic))
            continue;
        s->fn(s->arg, topic, msg, len);
        n++;
    }
    b->publishing--;
    if (b->publishing == 0 && b->pending_removals)
        bus_reap(b);
    b->delivered += n;
    return n;
}

void bus_destroy(struct bus *b)
{
    struct subscription *s, *next;

    for (s = b->head; s != NULL; s = next) {
        next = s->next;
        free(s);
    }
    memset(b, 0, sizeof(*b));
}
