#include CASE
#include <stdio.h>
int main(void)
{
    uint8_t hdr[13] = { 'F', 'R', 'M', '1', 0, 0, 0, 4, 0, 0, 0, 4, 9 };
    struct frame f = {0};
    printf("rc=%d\n", frame_from_header(hdr, sizeof(hdr), &f));
    frame_release(&f);
    return 0;
}
