#include CASE
#include <stdio.h>
int main(void)
{
    const uint8_t hdr[8] = { 0, 0, 0, 1, 0, 0, 0, 16 };
    const uint8_t part[8] = "abcdefgh";
    struct record rec;
    if (record_begin(&rec, hdr) < 0)
        return 1;
    record_feed(&rec, part, sizeof(part));
    printf("rc=%d\n", record_finish(&rec, 0x12345678u));
    record_release(&rec);
    return 0;
}
