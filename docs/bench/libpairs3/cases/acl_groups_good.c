#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * Group based access control list loaded from a small text format:
 *
 *   group <name> <perm>[,<perm>...]
 *   user  <name> <group> [<extra perm>,...]
 *
 * Lines may appear in any order; a user's effective permissions are those
 * of the group plus the user's own extras.
 */

#define ACL_READ 0x1u
#define ACL_WRITE 0x2u
#define ACL_ADMIN 0x4u
#define ACL_EXEC 0x8u

struct acl_group {
    struct acl_group *next;
    char name[32];
    unsigned perms;
};

struct acl_user {
    struct acl_user *next;
    char name[32];
    char group[32];
    unsigned extra;
};

struct acl {
    struct acl_group *groups;
    struct acl_user *users;
};

static int parse_perms(const char *s, unsigned *out)
{
    static const struct { const char *name; unsigned bit; } names[] = {
        { "read", ACL_READ }, { "write", ACL_WRITE }, { "admin", ACL_ADMIN }, { "exec", ACL_EXEC },
    };
    unsigned perms = 0;

    while (*s) {
        size_t n = strcspn(s, ","), i;
        for (i = 0; i < 4; i++)
            if (strlen(names[i].name) == n && strncmp(s, names[i].name, n) == 0)
                break;
        if (i == 4)
            return -1;
        perms |= names[i].bit;
        s += n;
        if (*s == ',')
            s++;
    }
    *out = perms;
    return 0;
}

static const struct acl_group *find_group(const struct acl *a, const char *name)
{
    const struct acl_group *g;

    for (g = a->groups; g; g = g->next)
        if (strcmp(g->name, name) == 0)
            return g;
    return NULL;
}

/* Parses one line (modified in place). Returns 0, or -1 on error. */
int acl_load_line(struct acl *a, char *line)
{
    char *save = NULL;
    char *kind = strtok_r(line, " \t\n", &save);
    char *name = kind ? strtok_r(NULL, " \t\n", &save) : NULL;
    char *third = name ? strtok_r(NULL, " \t\n", &save) : NULL;
    char *fourth = third ? strtok_r(NULL, " \t\n", &save) : NULL;

    if (!kind || kind[0] == '#')
        return 0;
    if (!third || strlen(name) >= 32 || strlen(third) >= 32)
        return -1;
    if (strcmp(kind, "group") == 0) {
        struct acl_group *g;
        unsigned perms;
        if (fourth || parse_perms(third, &perms) < 0 || find_group(a, name))
            return -1;
        if (!(g = calloc(1, sizeof(*g))))
            return -1;
        strcpy(g->name, name);
        g->perms = perms;
        g->next = a->groups;
        a->groups = g;
        return 0;
    }
    if (strcmp(kind, "user") == 0) {
        struct acl_user *u;
        unsigned extra = 0;
        if (fourth && parse_perms(fourth, &extra) < 0)
            return -1;
        if (!(u = calloc(1, sizeof(*u))))
            return -1;
        strcpy(u->name, name);
        strcpy(u->group, third);
        u->extra = extra;
        u->next = a->users;
        a->users = u;
        return 0;
    }
    return -1;
}

/* Returns 1 if user holds every permission bit in want. */
int acl_allowed(const struct acl *a, const char *user, unsigned want)
{
    const struct acl_user *u;
    const struct acl_group *g;

    for (u = a->users; u; u = u->next)
        if (strcmp(u->name, user) == 0)
            break;
    if (!u)
        return 0;
    g = find_group(a, u->group);
    if (!g)
        return (u->extra & want) == want;
    return ((g->perms | u->extra) & want) == want;
}

void acl_free(struct acl *a)
{
    while (a->groups) {
        struct acl_group *g = a->groups;
        a->groups = g->next;
        free(g);
    }
    while (a->users) {
        struct acl_user *u = a->users;
        a->users = u->next;
        free(u);
    }
}
