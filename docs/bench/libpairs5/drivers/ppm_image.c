#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const char hdr[] = "P6\n# test\n2 2\n65535\n";
    size_t hl = sizeof(hdr) - 1, len = hl + 2 * 2 * 3 * 2, need;
    uint8_t *b = malloc(len), *px;
    struct pnm_info info;

    memcpy(b, hdr, hl);
    memset(b + hl, 0x7f, len - hl);
    if (pnm_read_header(b, len, &info) < 0) { puts("rejected"); free(b); return 0; }
    need = pnm_image_size(&info);
    px = malloc(need);
    printf("read: %d\n", pnm_read(b, len, px, need, &info));
    free(px);
    free(b);
    return 0;
}
