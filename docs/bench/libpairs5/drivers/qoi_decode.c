#include CASE
#include <stdio.h>

int main(void)
{
    static const uint8_t end_marker[8] = { 0, 0, 0, 0, 0, 0, 0, 1 };
    size_t len = QOI_HEADER_SIZE + 1 + 8, n;
    uint8_t *b = malloc(len), *px;
    struct qoi_desc d;

    memcpy(b, "qoif\0\0\0\x02\0\0\0\x01\x03\x00", 14);   /* 2x1 RGB */
    b[14] = QOI_OP_RUN | 4;                                /* run of 5 */
    memcpy(b + 15, end_marker, 8);
    px = qoi_decode(b, len, &d, &n);
    printf("decoded: %s\n", px ? "yes" : "no");
    free(px);
    free(b);
    return 0;
}
