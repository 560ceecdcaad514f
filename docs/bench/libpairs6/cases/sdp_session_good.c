/* SDP (RFC 8866) session descriptions: media lines, payload formats and
 * their a=rtpmap attributes. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SDP_MAX_MEDIA 8
#define SDP_MAX_FMT 16
#define SDP_NAME_MAX 32

struct sdp_rtpmap {
    unsigned pt;
    char encoding[SDP_NAME_MAX];
    unsigned clock;
    unsigned channels;
};

struct sdp_format {
    unsigned pt;
    const char *encoding;
    unsigned clock;
    unsigned channels;
};

struct sdp_media {
    char kind[16];
    unsigned port;
    char proto[24];
    struct sdp_format fmt[SDP_MAX_FMT];
    unsigned nfmt;
    struct sdp_rtpmap maps[SDP_MAX_FMT];
    unsigned nmaps;
};

struct sdp_session {
    unsigned version;
    char name[64];
    struct sdp_media media[SDP_MAX_MEDIA];
    unsigned nmedia;
};

static const struct sdp_rtpmap static_pt[] = {
    { 0, "PCMU", 8000, 1 }, { 3, "GSM", 8000, 1 }, { 8, "PCMA", 8000, 1 },
    { 9, "G722", 8000, 1 }, { 18, "G729", 8000, 1 }, { 26, "JPEG", 90000, 0 },
    { 31, "H261", 90000, 0 }, { 34, "H263", 90000, 0 },
};

static const struct sdp_rtpmap *find_rtpmap(const struct sdp_media *m, unsigned pt)
{
    size_t i;

    for (i = 0; i < m->nmaps; i++)
        if (m->maps[i].pt == pt)
            return &m->maps[i];
    for (i = 0; i < sizeof(static_pt) / sizeof(static_pt[0]); i++)
        if (static_pt[i].pt == pt)
            return &static_pt[i];
    return NULL;
}

static int parse_media(struct sdp_media *m, const char *v)
{
    const char *p;
    int n;
    unsigned pt;

    memset(m, 0, sizeof(*m));
    if (sscanf(v, "%15s %u %23s%n", m->kind, &m->port, m->proto, &n) != 3)
        return -1;
    for (p = v + n; *p == ' ';) {
        if (m->nfmt >= SDP_MAX_FMT || sscanf(p, " %u%n", &pt, &n) != 1 || pt > 127)
            return -1;
        m->fmt[m->nfmt++].pt = pt;
        p += n;
    }
    return *p == '\0' ? 0 : -1;
}

static int parse_rtpmap(struct sdp_media *m, const char *v)
{
    struct sdp_rtpmap *r;
    int n;

    if (m->nmaps >= SDP_MAX_FMT)
        return -1;
    r = &m->maps[m->nmaps];
    r->channels = 1;
    n = sscanf(v, "%u %31[^/]/%u/%u", &r->pt, r->encoding, &r->clock, &r->channels);
    if (n < 3 || r->pt > 127)
        return -1;
    m->nmaps++;
    return 0;
}

static void resolve_formats(struct sdp_media *m)
{
    const struct sdp_rtpmap *rm;
    unsigned i;

    for (i = 0; i < m->nfmt; i++) {
        rm = find_rtpmap(m, m->fmt[i].pt);
        if (!rm)
            continue;
        m->fmt[i].clock = rm->clock;
        m->fmt[i].encoding = rm->encoding;
        m->fmt[i].channels = rm->channels;
    }
}

/* Parses a complete description (lines ending in "\n" or "\r\n"). */
int sdp_parse(struct sdp_session *s, const char *text, size_t len)
{
    char line[256];
    const char *p = text, *end = text + len, *nl;
    struct sdp_media *cur = NULL;
    size_t n;
    unsigned i;

    memset(s, 0, sizeof(*s));
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n && p[n - 1] == '\r')
            n--;
        if (n < 2 || n >= sizeof(line) || p[1] != '=')
            return -1;
        memcpy(line, p, n);
        line[n] = '\0';
        p = nl ? nl + 1 : end;
        if (line[0] == 'v') {
            s->version = (unsigned)atoi(line + 2);
        } else if (line[0] == 's') {
            snprintf(s->name, sizeof(s->name), "%s", line + 2);
        } else if (line[0] == 'm') {
            if (s->nmedia >= SDP_MAX_MEDIA)
                return -1;
            cur = &s->media[s->nmedia++];
            if (parse_media(cur, line + 2) < 0)
                return -1;
        } else if (line[0] == 'a' && cur && strncmp(line + 2, "rtpmap:", 7) == 0) {
            if (parse_rtpmap(cur, line + 9) < 0)
                return -1;
        }
    }
    for (i = 0; i < s->nmedia; i++)
        resolve_formats(&s->media[i]);
    return 0;
}

/* Encoding name of the first format of media idx, e.g. "opus". */
const char *sdp_primary_codec(const struct sdp_session *s, unsigned idx)
{
    if (idx >= s->nmedia || s->media[idx].nfmt == 0)
        return NULL;
    return s->media[idx].fmt[0].encoding;
}
