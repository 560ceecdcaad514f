#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * Header block parser for one part of a multipart/form-data body
 * (RFC 7578).  Recognizes Content-Disposition (name, filename) and
 * Content-Type; other headers are ignored.
 */

struct form_part {
    char *name;
    char *filename;
    char *content_type;
};

void form_part_clear(struct form_part *p)
{
    free(p->name);
    free(p->filename);
    free(p->content_type);
    memset(p, 0, sizeof(*p));
}

/* Finds parameter key in "form-data; name=\"x\"; filename=\"y\"" and
 * returns its (unquoted) value as a span of v.  Returns 1 if present. */
static int disposition_param(const char *v, size_t vlen, const char *key,
                             const char **val, size_t *val_len)
{
    size_t klen = strlen(key), i = 0;

    while (i < vlen) {
        while (i < vlen && (v[i] == ';' || v[i] == ' '))
            i++;
        if (vlen - i > klen + 1 && strncasecmp(v + i, key, klen) == 0 && v[i + klen] == '=') {
            size_t s = i + klen + 1, e;
            if (v[s] == '"') {
                s++;
                for (e = s; e < vlen && v[e] != '"'; e++)
                    ;
                if (e == vlen)
                    return 0;
            } else {
                for (e = s; e < vlen && v[e] != ';'; e++)
                    ;
            }
            *val = v + s;
            *val_len = e - s;
            return 1;
        }
        while (i < vlen && v[i] != ';')
            i++;
    }
    return 0;
}

/* Parses the CRLF separated header lines in hdr[0..len).  Returns 0 on
 * success; on failure nothing is retained in *p. */
int form_part_parse(struct form_part *p, const char *hdr, size_t len)
{
    size_t pos = 0;

    memset(p, 0, sizeof(*p));
    while (pos < len) {
        const char *line = hdr + pos, *colon, *val, *pv;
        size_t llen, vlen, pvlen;
        const char *eol = memchr(line, '\n', len - pos);

        llen = eol ? (size_t)(eol - line) : len - pos;
        pos += llen + (eol != NULL);
        if (llen > 0 && line[llen - 1] == '\r')
            llen--;
        if (llen == 0)
            continue;
        colon = memchr(line, ':', llen);
        if (!colon)
            goto fail;
        val = colon + 1;
        vlen = llen - (size_t)(val - line);
        while (vlen > 0 && isspace((unsigned char)*val)) {
            val++;
            vlen--;
        }

        if ((size_t)(colon - line) == 19 && strncasecmp(line, "Content-Disposition", 19) == 0) {
            if (p->name || vlen < 9 || strncasecmp(val, "form-data", 9) != 0)
                goto fail;
            if (!disposition_param(val, vlen, "name", &pv, &pvlen))
                goto fail;
            p->name = strndup(pv, pvlen);
            if (disposition_param(val, vlen, "filename", &pv, &pvlen))
                p->filename = strndup(pv, pvlen);
            if (!p->name)
                goto fail;
        } else if ((size_t)(colon - line) == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
            if (p->content_type)
                goto fail;
            p->content_type = strndup(val, vlen);
            if (!p->content_type)
                goto fail;
        }
    }
    if (!p->name)
        goto fail;
    return 0;

fail:
    free(p->name);
    free(p->filename);
    free(p->content_type);
    memset(p, 0, sizeof(*p));
    return -1;
}
