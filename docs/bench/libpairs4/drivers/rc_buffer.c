/* Driver: a broker keeps the last message per topic as "retained"; a
 * publish to the topic copies the incoming message into the retained slot,
 * which here is the same message object. */
#include <stdio.h>
#include CASE

int main(void)
{
    struct message *retained = msg_new(1), *incoming;
    struct rbuf *hdr = rbuf_new("T:42|", 5);
    uint8_t out[64];
    long n;

    if (!retained || !hdr)
        return 2;
    msg_set_head(retained, hdr);
    rbuf_release(hdr);
    msg_append(retained, "temp=21.5", 9);
    incoming = retained;                 /* publisher re-sent the retained message */
    msg_copy(retained, incoming);
    n = msg_write(retained, out, sizeof(out));
    printf("size=%zu written=%ld %.*s\n", msg_size(retained), n, n > 0 ? (int)n : 0, (char *)out);
    msg_free(retained);
    return 0;
}
