#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * Login session table with an in-memory audit trail.  Each session owns
 * its bearer token; audit records keep only a short token prefix so that
 * log readers can correlate events without learning the secret.
 */

#define AUDIT_RING 32
#define TOKEN_PREFIX 8

enum session_state { SESS_FREE, SESS_ACTIVE, SESS_CLOSED };

struct session {
    enum session_state state;
    char user[32];
    char *token;
    time_t created;
    time_t last_seen;
};

struct audit_entry {
    time_t when;
    char user[32];
    char token_prefix[TOKEN_PREFIX + 1];
    char event[16];
};

struct session_table {
    struct session *slots;
    size_t nslots;
    struct audit_entry audit[AUDIT_RING];
    size_t audit_next;
    size_t active;
};

int session_table_init(struct session_table *t, size_t n)
{
    memset(t, 0, sizeof(*t));
    t->slots = calloc(n, sizeof(*t->slots));
    if (!t->slots)
        return -1;
    t->nslots = n;
    return 0;
}

/* Appends an audit record for session s. */
void session_audit(struct session_table *t, const struct session *s, const char *event, time_t now)
{
    struct audit_entry *e = &t->audit[t->audit_next++ % AUDIT_RING];

    memset(e, 0, sizeof(*e));
    e->when = now;
    snprintf(e->user, sizeof(e->user), "%s", s->user);
    if (s->token)
        strncpy(e->token_prefix, s->token, TOKEN_PREFIX); // expect-warning: CWE-416
    snprintf(e->event, sizeof(e->event), "%s", event);
}

struct session *session_open(struct session_table *t, const char *user, const char *token, time_t now)
{
    size_t i;

    if (strlen(user) >= sizeof(t->slots[0].user))
        return NULL;
    for (i = 0; i < t->nslots; i++) {
        struct session *s = &t->slots[i];
        if (s->state == SESS_ACTIVE)
            continue;
        s->token = strdup(token);
        if (!s->token)
            return NULL;
        strcpy(s->user, user);
        s->state = SESS_ACTIVE;
        s->created = s->last_seen = now;
        t->active++;
        session_audit(t, s, "login", now);
        return s;
    }
    return NULL;
}

struct session *session_find(struct session_table *t, const char *token)
{
    size_t i;

    for (i = 0; i < t->nslots; i++) {
        struct session *s = &t->slots[i];
        if (s->state == SESS_ACTIVE && strcmp(s->token, token) == 0)
            return s;
    }
    return NULL;
}

/* Ends the session; the token is wiped before it is released. */
void session_close(struct session_table *t, struct session *s, time_t now)
{
    if (s->state != SESS_ACTIVE)
        return;
    memset(s->token, 0, strlen(s->token));
    free(s->token);
    s->state = SESS_CLOSED;
    t->active--;
    session_audit(t, s, "logout", now);
    s->token = NULL;
}

size_t session_expire(struct session_table *t, time_t now, time_t idle)
{
    size_t i, n = 0;

    for (i = 0; i < t->nslots; i++) {
        struct session *s = &t->slots[i];
        if (s->state == SESS_ACTIVE && now - s->last_seen > idle) {
            session_close(t, s, now);
            n++;
        }
    }
    return n;
}

void session_table_free(struct session_table *t)
{
    size_t i;

    for (i = 0; i < t->nslots; i++)
        free(t->slots[i].token);
    free(t->slots);
    memset(t, 0, sizeof(*t));
}
