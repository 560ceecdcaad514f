/* SubRip (.srt) subtitle reader: numbered cues with a time range and one
 * or more text lines, and lookup of the cue shown at a given time. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct srt_cue {
    unsigned index;
    long start_ms, end_ms;
    char *text;
    size_t text_len;
};

struct srt_track {
    struct srt_cue *cues;
    size_t count, cap;
};

static int parse_time(const char *s, long *ms)
{
    unsigned h, m, sec, frac;
    int n = 0;

    if (sscanf(s, "%2u:%2u:%2u%*[,.]%3u%n", &h, &m, &sec, &frac, &n) != 4 || n != 12)
        return -1;
    if (m > 59 || sec > 59)
        return -1;
    *ms = ((long)h * 3600 + m * 60 + sec) * 1000 + frac;
    return 0;
}

static int parse_timing(const char *line, long *start, long *end)
{
    const char *arrow = strstr(line, " --> ");

    if (!arrow || arrow - line != 12)
        return -1;
    if (parse_time(line, start) < 0 || parse_time(arrow + 5, end) < 0)
        return -1;
    return *end >= *start ? 0 : -1;
}

/* Appends one text line, separated from the previous by '\n'. */
static int append_line(struct srt_cue *c, const char *s, size_t n)
{
    size_t len = c->text_len + (c->text ? 1 : 0) + n;
    char *t = malloc(len + 1);

    if (!t)
        return -1;
    if (c->text) {
        memcpy(t, c->text, c->text_len);
        t[c->text_len] = '\n';
        free(c->text);
    }
    memcpy(t + len - n, s, n);
    t[len] = '\0';
    c->text = t;
    c->text_len = len;
    return 0;
}

static struct srt_cue *new_cue(struct srt_track *tr)
{
    if (tr->count == tr->cap) {
        size_t nc = tr->cap ? tr->cap * 2 : 16;
        struct srt_cue *v = realloc(tr->cues, nc * sizeof(*v));
        if (!v)
            return NULL;
        tr->cues = v;
        tr->cap = nc;
    }
    memset(&tr->cues[tr->count], 0, sizeof(tr->cues[0]));
    return &tr->cues[tr->count++];
}

void srt_free(struct srt_track *tr)
{
    size_t i;

    if (!tr)
        return;
    for (i = 0; i < tr->count; i++)
        free(tr->cues[i].text);
    free(tr->cues);
    free(tr);
}

static size_t next_line(const char *s, size_t len, size_t pos, char *out, size_t cap)
{
    size_t e = pos, n;

    while (e < len && s[e] != '\n')
        e++;
    n = e - pos;
    if (n && s[pos + n - 1] == '\r')
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s + pos, n);
    out[n] = '\0';
    return e < len ? e + 1 : e;
}

struct srt_track *srt_parse(const char *s, size_t len)
{
    struct srt_track *tr = calloc(1, sizeof(*tr));
    struct srt_cue *c;
    char line[512];
    size_t pos = 0;

    if (!tr)
        return NULL;
    if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        pos = 3;
    while (pos < len) {
        pos = next_line(s, len, pos, line, sizeof(line));
        if (line[0] == '\0')
            continue;
        if (!isdigit((unsigned char)line[0]) || !(c = new_cue(tr)))
            goto fail;
        c->index = (unsigned)strtoul(line, NULL, 10);
        pos = next_line(s, len, pos, line, sizeof(line));
        if (parse_timing(line, &c->start_ms, &c->end_ms) < 0)
            goto fail;
        while (pos < len) {
            pos = next_line(s, len, pos, line, sizeof(line));
            if (line[0] == '\0')
                break;
            if (append_line(c, line, strlen(line)) < 0)
                goto fail;
        }
    }
    return tr;
fail:
    srt_free(tr);
    return NULL;
}

/* Text of the cue visible at time ms, or NULL. */
const char *srt_text_at(const struct srt_track *tr, long ms)
{
    size_t i;

    for (i = 0; i < tr->count; i++)
        if (ms >= tr->cues[i].start_ms && ms < tr->cues[i].end_ms)
            return tr->cues[i].text;
    return NULL;
}

size_t srt_count(const struct srt_track *tr)
{
    return tr->count;
}
