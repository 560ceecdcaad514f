#include CASE
#include <stdio.h>
int main(void)
{
    /* sensor_id=7, count=2, values=[1,2,3] */
    static const uint8_t msg[] = { 0x08, 0x07, 0x18, 0x02, 0x22, 0x03, 0x01, 0x02, 0x03 };
    struct sample_set s;
    int rc = sample_set_decode(&s, msg, sizeof(msg));
    printf("rc=%d n=%zu\n", rc, s.nvalues);
    sample_set_clear(&s);
    return 0;
}
