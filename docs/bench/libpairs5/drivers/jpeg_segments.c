#include CASE
#include <stdlib.h>

int main(void)
{
    /* SOI, then a frame header whose length field is 0, at the end */
    static const uint8_t img[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x00 };
    uint8_t *b = malloc(sizeof(img));
    struct jpeg_info info;
    char desc[80];

    memcpy(b, img, sizeof(img));
    if (jpeg_scan(b, sizeof(img), &info) == 0 && jpeg_describe(&info, desc, sizeof(desc)) > 0)
        puts(desc);
    else
        puts("rejected");
    free(b);
    return 0;
}
