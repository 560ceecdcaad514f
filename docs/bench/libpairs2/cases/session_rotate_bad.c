#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
    char *id;
    char user[32];
    unsigned long created;
    unsigned rotations;
    char prev_prefix[9];
};

static char *make_id(unsigned long seed)
{
    char tmp[33];
    unsigned long x = seed ? seed : 0x9e3779b97f4a7c15UL;
    size_t i;

    for (i = 0; i < 32; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        tmp[i] = "0123456789abcdef"[x & 15];
    }
    tmp[32] = '\0';
    return strdup(tmp);
}

static void wipe_free(char *p)
{
    if (!p)
        return;
    memset(p, 0, strlen(p));
    free(p);
}

struct session *session_create(const char *user, unsigned long seed)
{
    struct session *s = calloc(1, sizeof(*s));

    if (!s)
        return NULL;
    s->id = make_id(seed);
    if (!s->id) {
        free(s);
        return NULL;
    }
    snprintf(s->user, sizeof(s->user), "%s", user);
    s->created = seed;
    return s;
}

int session_rotate(struct session *s, unsigned long seed)
{
    char *old = s->id;
    char *fresh = make_id(seed);

    if (!fresh)
        return -1;
    s->id = fresh;
    wipe_free(old);
    s->rotations++;
    strncpy(s->prev_prefix, old, sizeof(s->prev_prefix) - 1); // expect-warning: CWE-416
    s->prev_prefix[sizeof(s->prev_prefix) - 1] = '\0';
    return 0;
}

int session_matches(const struct session *s, const char *id)
{
    return s->id && strcmp(s->id, id) == 0;
}

void session_destroy(struct session *s)
{
    if (!s)
        return;
    wipe_free(s->id);
    free(s);
}
