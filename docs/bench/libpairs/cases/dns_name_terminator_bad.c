#include <stddef.h>
#include <stdint.h>

#define DNS_HDR_LEN 12
#define DNS_NAME_MAX 256

/* Decodes an uncompressed DNS name at msg[off] into dotted text form.
 * Returns the offset just past the name, or -1 on error. */
long dns_decode_name(const uint8_t *msg, size_t msglen, size_t off,
                     char *out, size_t outsz)
{
    size_t pos = 0;

    if (outsz == 0)
        return -1;
    for (;;) {
        uint8_t lablen;

        if (off >= msglen)
            return -1;
        lablen = msg[off++];
        if (lablen == 0)
            break;
        if (lablen & 0xc0)
            return -1;          /* compression pointers are not accepted here */
        if (lablen > msglen - off)
            return -1;
        if (pos + lablen + 1 > outsz)
            return -1;
        if (pos > 0)
            out[pos++] = '.';
        for (uint8_t i = 0; i < lablen; i++)
            out[pos++] = (char)msg[off + i];
        off += lablen;
    }
    out[pos] = '\0';  // expect-warning: CWE-193
    return (long)off;
}

/* Extracts the QNAME of the first question of a DNS query. */
int dns_question_name(const uint8_t *msg, size_t msglen, char name[DNS_NAME_MAX],
                      uint16_t *qtype)
{
    long end;
    unsigned qdcount;

    if (msglen < DNS_HDR_LEN)
        return -1;
    qdcount = ((unsigned)msg[4] << 8) | msg[5];
    if (qdcount == 0)
        return -1;
    end = dns_decode_name(msg, msglen, DNS_HDR_LEN, name, DNS_NAME_MAX);
    if (end < 0 || msglen - (size_t)end < 4)
        return -1;
    *qtype = (uint16_t)((msg[end] << 8) | msg[end + 1]);
    return 0;
}
