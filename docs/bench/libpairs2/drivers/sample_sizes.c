#include CASE
#include <stdio.h>
int main(void)
{
    uint8_t box[12] = { 0, 0, 0, 0, 0, 0, 0x10, 0, 0x00, 0xF0, 0, 0 };
    struct sample_table t = {0};
    printf("rc=%d\n", stsz_parse(box, sizeof(box), &t));
    stsz_release(&t);
    return 0;
}
