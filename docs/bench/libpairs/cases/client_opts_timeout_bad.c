#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct client_opts {
    unsigned long timeout_ms;
    unsigned long retries;
    int verbose;
    char host[64];
};

static int opt_number(const char *val, unsigned long *out)
{
    char *end;

    if (*val < '0' || *val > '9')
        return -1;
    *out = strtoul(val, &end, 10);
    return *end == '\0' ? 0 : -1;
}

static int opt_apply(struct client_opts *o, const char *key, const char *val)
{
    if (strcmp(key, "timeout") == 0)
        return opt_number(val, &o->timeout_ms);
    if (strcmp(key, "retries") == 0)
        return opt_number(val, &o->retries);
    if (strcmp(key, "verbose") == 0) {
        o->verbose = strcmp(val, "1") == 0 || strcmp(val, "yes") == 0;
        return 0;
    }
    if (strcmp(key, "host") == 0) {
        size_t n = strlen(val);

        if (n == 0 || n >= sizeof o->host)
            return -1;
        memcpy(o->host, val, n + 1);
        return 0;
    }
    return -1;
}

/* Parses "key=value;key=value" into *out. */
int client_configure(const char *optstr, struct client_opts *out)
{
    struct client_opts o;
    char key[16], val[64];
    const char *p = optstr;

    o.retries = 3;
    o.verbose = 0;
    strcpy(o.host, "localhost");

    while (*p != '\0') {
        const char *semi = strchr(p, ';');
        size_t len = semi ? (size_t)(semi - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        size_t klen, vlen;

        if (eq == NULL)
            return -1;
        klen = (size_t)(eq - p);
        vlen = len - klen - 1;
        if (klen == 0 || klen >= sizeof key || vlen >= sizeof val)
            return -1;
        memcpy(key, p, klen);
        key[klen] = '\0';
        memcpy(val, eq + 1, vlen);
        val[vlen] = '\0';
        if (opt_apply(&o, key, val) < 0)
            return -1;
        p += len;
        if (*p == ';')
            p++;
    }
    if (o.timeout_ms == 0 || o.timeout_ms > 600000)  // expect-warning: CWE-457
        return -1;
    *out = o;
    return 0;
}
