/* Driver: a telemetry record {"seq": 7, "temp": 21} produced by an encoder
 * that writes text lengths in the one-byte form (0x78 NN). */
#include <stdio.h>
#include <stdlib.h>
#include CASE

int main(void)
{
    static const uint8_t rec[] = { 0xa2, 0x78, 0x03, 's', 'e', 'q', 0x07,
                                   0x78, 0x04, 't', 'e', 'm', 'p', 0x15 };
    struct cbor_reader r;
    int64_t temp = 0;
    int found;

    cbor_init(&r, rec, sizeof(rec));
    found = cbor_map_find(&r, "temp") == 0 && cbor_get_int(&r, &temp) == 0;
    printf("found=%d temp=%lld\n", found, (long long)temp);
    return 0;
}
