#include CASE
#include <stdio.h>
#include <stdlib.h>
/* A lone IHDR chunk whose CRC field is cut off at the end of the buffer. */
int main(void)
{
    static const uint8_t img[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                   0, 0, 0, 5, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0 };
    uint8_t *buf = malloc(sizeof(img));
    struct png_info info;
    memcpy(buf, img, sizeof(img));
    printf("rc=%d\n", png_walk(&info, buf, sizeof(img)));
    free(buf);
    return 0;
}
