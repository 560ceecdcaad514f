#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define RECORD_MAX (1u << 16)

struct record {
    uint32_t id;
    uint32_t len;
    uint32_t filled;
    unsigned bad_crc;
    uint8_t *data;
};

static uint32_t rd_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
           ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

int record_begin(struct record *rec, const uint8_t hdr[8])
{
    rec->id = rd_be32(hdr);
    rec->len = rd_be32(hdr + 4);
    rec->filled = 0;
    rec->bad_crc = 0;
    if (rec->len == 0 || rec->len > RECORD_MAX)
        return -1;
    rec->data = malloc(rec->len);
    return rec->data ? 0 : -1;
}

size_t record_feed(struct record *rec, const uint8_t *p, size_t n)
{
    size_t room = rec->len - rec->filled;

    if (n > room)
        n = room;
    memcpy(rec->data + rec->filled, p, n);
    rec->filled += (uint32_t)n;
    return n;
}

int record_finish(struct record *rec, uint32_t expected_crc)
{
    uint32_t crc = 0xFFFFFFFFu, i;
    int k;

    for (i = 0; i < rec->len; i++) {
        crc ^= rec->data[i]; // expect-warning: CWE-908
        for (k = 0; k < 8; k++) {
            if (crc & 1)
                crc = (crc >> 1) ^ 0xEDB88320u;
            else
                crc >>= 1;
        }
    }
    if ((crc ^ 0xFFFFFFFFu) != expected_crc) {
        rec->bad_crc++;
        return -1;
    }
    return 0;
}

void record_release(struct record *rec)
{
    free(rec->data);
    rec->data = NULL;
    rec->len = rec->filled = 0;
}
