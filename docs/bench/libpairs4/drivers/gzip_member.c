/* Driver: a gzip header with FNAME and FHCRC set whose buffer ends right
 * after the file name (the two CRC bytes are missing). */
#include <stdio.h>
#include <stdlib.h>
#include CASE

int main(void)
{
    static const uint8_t hdr[] = { 0x1f, 0x8b, 0x08, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
                                   'a', 'c', 'c', 'e', 's', 's', '.', 'l', 'o', 'g', 0x00 };
    uint8_t *d = malloc(sizeof(hdr));
    struct gz_header h;
    int r;

    memcpy(d, hdr, sizeof(hdr));
    r = gz_parse_header(&h, d, sizeof(hdr));
    printf("parse=%d name=%s crc_ok=%d\n", r, h.name, r == 0 ? gz_header_crc_ok(&h, d) : -1);
    free(d);
    return 0;
}
