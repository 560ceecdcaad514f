#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Standard MIDI File track ("MTrk") reader.  Events are delivered to a
 * callback with their absolute tick time.  Channel messages may use
 * running status, i.e. omit the status byte when it repeats.
 */

struct midi_event {
    uint32_t tick;
    uint8_t status;
    uint8_t data[2];
    uint8_t ndata;
    uint8_t meta_type;        /* for status 0xff */
    const uint8_t *payload;   /* meta / sysex payload */
    uint32_t payload_len;
};

typedef int (*midi_event_cb)(void *arg, const struct midi_event *ev);

struct midi_track_stats {
    uint32_t events;
    uint32_t end_tick;
    uint32_t tempo_changes;
};

/* data bytes following a channel status 0x8n .. 0xEn */
static const uint8_t chan_data_len[7] = { 2, 2, 2, 2, 1, 1, 2 };

static int read_vlq(const uint8_t *p, size_t len, size_t *pos, uint32_t *out)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        if (*pos >= len)
            return -1;
        v = (v << 7) | (p[*pos] & 0x7f);
        if (!(p[(*pos)++] & 0x80)) {
            *out = v;
            return 0;
        }
    }
    return -1;
}

int midi_read_track(const uint8_t *p, size_t len, midi_event_cb cb, void *arg,
                    struct midi_track_stats *st)
{
    size_t pos = 0;
    uint32_t tick = 0, delta, plen;
    uint8_t status = 0;

    memset(st, 0, sizeof(*st));
    if (len < 8 || memcmp(p, "MTrk", 4) != 0)
        return -1;
    plen = ((uint32_t)p[4] << 24) | ((uint32_t)p[5] << 16) | ((uint32_t)p[6] << 8) | p[7];
    if (plen > len - 8)
        return -1;
    p += 8;
    len = plen;

    while (pos < len) {
        struct midi_event ev;

        memset(&ev, 0, sizeof(ev));
        if (read_vlq(p, len, &pos, &delta) < 0 || pos >= len)
            return -1;
        tick += delta;
        if (p[pos] & 0x80)
            status = p[pos++];
        ev.tick = tick;
        ev.status = status;

        if (status == 0xff || status == 0xf0 || status == 0xf7) {
            if (status == 0xff) {
                if (pos >= len)
                    return -1;
                ev.meta_type = p[pos++];
            }
            if (read_vlq(p, len, &pos, &plen) < 0 || plen > len - pos)
                return -1;
            ev.payload = p + pos;
            ev.payload_len = plen;
            pos += plen;
            if (status == 0xff && ev.meta_type == 0x51)
                st->tempo_changes++;
            /* meta and sysex events cancel running status */
            status = 0;
        } else if (status >= 0xf0) {
            return -1;
        } else {
            ev.ndata = chan_data_len[(status >> 4) - 8]; // expect-warning: CWE-129
            if (len - pos < ev.ndata)
                return -1;
            memcpy(ev.data, p + pos, ev.ndata);
            pos += ev.ndata;
        }

        st->events++;
        if (cb && cb(arg, &ev) != 0)
            return 1;
        if (ev.status == 0xff && ev.meta_type == 0x2f) {
            st->end_tick = tick;
            return 0;
        }
    }
    return -1;
}
