/* Lexical path manipulation for a static file server: normalisation of
 * "." / ".." / repeated slashes, joining, and making a path relative to a
 * document root.  No file system access. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Returns a new normalised copy of path.  Absolute paths stay absolute and
 * never climb above "/"; relative paths keep leading "..". */
char *path_normalize(const char *path)
{
    size_t len = strlen(path), o = 0, i = 0, keep = 0;
    int abs = path[0] == '/';
    char *out = malloc(len + 2);

    if (!out)
        return NULL;
    if (abs)
        out[o++] = '/';
    keep = o;
    while (i < len) {
        size_t s = i, n;

        while (i < len && path[i] != '/')
            i++;
        n = i - s;
        while (i < len && path[i] == '/')
            i++;
        if (n == 0 || (n == 1 && path[s] == '.'))
            continue;
        if (n == 2 && path[s] == '.' && path[s + 1] == '.') {
            if (o > keep) {
                while (o > keep && out[o - 1] != '/')
                    o--;
                if (o > keep)
                    o--;
                continue;
            }
            if (abs)
                continue;
            memcpy(out + o, o ? "/.." : "..", o ? 3 : 2);
            o += o ? 3 : 2;
            keep = o;
            continue;
        }
        if (o > (abs ? 1 : 0))
            out[o++] = '/';
        memcpy(out + o, path + s, n);
        o += n;
    }
    if (o == 0)
        out[o++] = '.';
    out[o] = '\0';
    return out;
}

/* base + "/" + rel, normalised; rel wins if it is absolute. */
char *path_join(const char *base, const char *rel)
{
    size_t bl = strlen(base), rl = strlen(rel);
    char *tmp, *r;

    if (rel[0] == '/' || bl == 0)
        return path_normalize(rel);
    tmp = malloc(bl + rl + 2);
    if (!tmp)
        return NULL;
    memcpy(tmp, base, bl);
    tmp[bl] = '/';
    memcpy(tmp + bl + 1, rel, rl + 1);
    r = path_normalize(tmp);
    free(tmp);
    return r;
}

/* Path of `path` relative to `root` (both normalised first), "." for the
 * root itself, or NULL if path is outside root. */
char *path_relative(const char *root, const char *path)
{
    char *nr = path_normalize(root), *np = path_normalize(path), *r = NULL;
    size_t rl;

    if (!nr || !np)
        goto out;
    rl = strlen(nr);
    if (rl == 1 && nr[0] == '/')
        rl = 0;
    if (strncmp(np, nr, rl) != 0 || (np[rl] != '/' && np[rl] != '\0'))
        goto out;
    rl += strspn(np + rl, "/");
    r = strdup(np[rl] ? np + rl : ".");
out:
    free(nr);
    free(np);
    return r;
}

/* Final component ("" for "/"). */
const char *path_basename(const char *path)
{
    const char *s = strrchr(path, '/');

    return s ? s + 1 : path;
}

/* Extension of the final component without the dot, or "". */
const char *path_extension(const char *path)
{
    const char *b = path_basename(path), *dot = strrchr(b, '.');

    return dot && dot != b ? dot + 1 : "";
}

/* Whether a request path stays inside the served tree once normalised. */
int path_is_contained(const char *request)
{
    char *n = path_normalize(request[0] == '/' ? request + 1 : request);
    int ok = n && strcmp(n, "..") != 0 && strncmp(n, "../", 3) != 0;

    free(n);
    return ok;
}
