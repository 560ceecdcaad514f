#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *buf = malloc(size ? size : 1), ack[4];
    struct mqtt_connect c;
    char s[16];
    int r;

    memcpy(buf, data, size);
    r = mqtt_parse_connect(&c, buf, size);
    mqtt_connack(ack, size & 1, r);
    if (r == MQTT_ACCEPTED) {
        mqtt_str_copy(&c.client_id, s, sizeof(s));
        mqtt_str_copy(&c.will_topic, s, sizeof(s));
        mqtt_str_copy(&c.username, s, sizeof(s));
        mqtt_str_copy(&c.password, s, sizeof(s));
    }
    free(buf);
    return 0;
}
