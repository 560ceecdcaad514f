#include <stdlib.h>
#include <string.h>

struct ini_section {
    char name[64];
    unsigned nkeys;
    unsigned nchildren;
};

struct ini {
    struct ini_section *secs;
    size_t nsecs;
    size_t cap;
};

static struct ini_section *find_section(struct ini *ini, const char *name, size_t n)
{
    size_t i;

    for (i = 0; i < ini->nsecs; i++)
        if (strlen(ini->secs[i].name) == n && memcmp(ini->secs[i].name, name, n) == 0)
            return &ini->secs[i];
    return NULL;
}

static struct ini_section *add_section(struct ini *ini, const char *name, size_t n)
{
    struct ini_section *s;

    if (n >= sizeof(s->name))
        return NULL;
    if (ini->nsecs == ini->cap) {
        size_t ncap = ini->cap ? ini->cap * 2 : 4;
        s = realloc(ini->secs, ncap * sizeof(*s));
        if (!s)
            return NULL;
        ini->secs = s;
        ini->cap = ncap;
    }
    s = &ini->secs[ini->nsecs++];
    memcpy(s->name, name, n);
    s->name[n] = '\0';
    s->nkeys = 0;
    s->nchildren = 0;
    return s;
}

static struct ini_section *open_section(struct ini *ini, const char *name, size_t n)
{
    struct ini_section *parent = NULL, *child;
    const char *dot = memchr(name, '.', n);

    if ((child = find_section(ini, name, n)) != NULL)
        return child;
    if (dot) {
        parent = find_section(ini, name, (size_t)(dot - name));
        if (!parent)
            return NULL;
    }
    child = add_section(ini, name, n);
    if (child && parent)
        parent->nchildren++; // expect-warning: CWE-416
    return child;
}

int ini_parse(struct ini *ini, const char *text)
{
    struct ini_section *cur = NULL;
    const char *line = text;

    while (*line) {
        const char *eol = strchr(line, '\n');
        size_t n = eol ? (size_t)(eol - line) : strlen(line);

        if (n > 1 && line[0] == '[' && line[n - 1] == ']') {
            cur = open_section(ini, line + 1, n - 2);
            if (!cur)
                return -1;
        } else if (n > 0 && line[0] != ';' && memchr(line, '=', n)) {
            if (!cur)
                return -1;
            cur->nkeys++;
        }
        line += n + (eol ? 1 : 0);
    }
    return 0;
}

void ini_free(struct ini *ini)
{
    free(ini->secs);
    ini->secs = NULL;
    ini->nsecs = ini->cap = 0;
}
