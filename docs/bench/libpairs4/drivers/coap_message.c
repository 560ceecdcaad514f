/* Driver: a 2.05 Content response with Content-Format 50 (JSON) and no
 * Max-Age option, checked for freshness 30 s after it was cached. */
#include <stdio.h>
#include CASE

int main(void)
{
    static const uint8_t rsp[] = { 0x62, 0x45, 0x12, 0x34, 0xbe, 0xef,
                                   0xc1, 0x32, 0xff, '{', '"', 't', '"', ':', '2', '1', '}' };
    struct coap_msg *m = coap_parse(rsp, sizeof(rsp));

    if (!m)
        return 2;
    printf("json=%d fresh_for=%u\n", coap_is_json(m), coap_fresh_for(m, 30));
    coap_free(m);
    return 0;
}
