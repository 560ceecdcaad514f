/* MPEG transport stream (ISO/IEC 13818-1) packet parsing for a stream
 * analyser: packet header, adaptation field with PCR, payload, and a
 * per-PID collector that tracks continuity and PES packet starts. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TS_PACKET_SIZE 188
#define TS_HEADER_SIZE 4

struct ts_packet {
    uint16_t pid;
    uint8_t tei, pusi, scrambling, afc, cc;
    uint8_t af_len, has_pcr;
    uint64_t pcr;                   /* 27 MHz units */
    const uint8_t *payload;
    size_t payload_len;
};

struct ts_pid_stats {
    uint16_t pid;
    int last_cc;
    unsigned long packets, payload_bytes, cc_errors, pes_starts;
    uint8_t last_stream_id;
};

/* Parses one 188-byte packet at d. */
int ts_parse(struct ts_packet *t, const uint8_t *d)
{
    size_t off = TS_HEADER_SIZE;

    if (d[0] != 0x47)
        return -1;
    t->tei = d[1] >> 7;
    t->pusi = (d[1] >> 6) & 1;
    t->pid = (uint16_t)((d[1] & 0x1f) << 8 | d[2]);
    t->scrambling = d[3] >> 6;
    t->afc = (d[3] >> 4) & 3;
    t->cc = d[3] & 0x0f;
    t->af_len = 0;
    t->has_pcr = 0;
    t->payload = NULL;
    t->payload_len = 0;
    if (t->afc == 0)
        return -1;
    if (t->afc & 2) {
        t->af_len = d[4];
        if (t->af_len > TS_PACKET_SIZE - TS_HEADER_SIZE - 1)
            return -1;
        off = TS_HEADER_SIZE + 1;
        if (t->af_len >= 7 && (d[5] & 0x10)) {
            uint64_t base = (uint64_t)d[6] << 25 | (uint64_t)d[7] << 17 | (uint64_t)d[8] << 9 |
                            (uint64_t)d[9] << 1 | d[10] >> 7;

            t->pcr = base * 300 + (uint64_t)((d[10] & 1) << 8 | d[11]);
            t->has_pcr = 1;
        }
    }
    if (t->afc & 1) {
        t->payload_len = TS_PACKET_SIZE - off - t->af_len;
        t->payload = d + off + t->af_len;
    }
    return 0;
}

void ts_stats_init(struct ts_pid_stats *s, uint16_t pid)
{
    memset(s, 0, sizeof(*s));
    s->pid = pid;
    s->last_cc = -1;
}

/* Accounts one packet for the PID being tracked. */
void ts_stats_add(struct ts_pid_stats *s, const struct ts_packet *t)
{
    if (t->pid != s->pid)
        return;
    s->packets++;
    if (t->afc & 1) {
        if (s->last_cc >= 0 && t->cc != ((s->last_cc + 1) & 0x0f) && t->cc != s->last_cc)
            s->cc_errors++;
        s->last_cc = t->cc;
        s->payload_bytes += t->payload_len;
        if (t->pusi && t->payload_len >= 4 && t->payload[0] == 0 && t->payload[1] == 0 &&
            t->payload[2] == 1) {
            s->pes_starts++;
            s->last_stream_id = t->payload[3];
        }
    }
}

/* Walks a buffer of whole packets; returns packets parsed or -1 if the
 * buffer is not packet-aligned or a packet is malformed. */
long ts_scan(const uint8_t *d, size_t len, struct ts_pid_stats *s)
{
    struct ts_packet t;
    size_t off;

    if (len % TS_PACKET_SIZE)
        return -1;
    for (off = 0; off < len; off += TS_PACKET_SIZE) {
        if (ts_parse(&t, d + off) < 0)
            return -1;
        ts_stats_add(s, &t);
    }
    return (long)(len / TS_PACKET_SIZE);
}

/* Distance in 27 MHz ticks between two PCR values (the counter restarts
 * at 2^33 * 300). */
uint64_t ts_pcr_delta(uint64_t from, uint64_t to)
{
    const uint64_t period = ((uint64_t)1 << 33) * 300;

    from %= period;
    to %= period;
    return to >= from ? to - from : period - from + to;
}
