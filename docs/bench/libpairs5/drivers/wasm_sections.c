#include CASE
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    /* header, then a type section id followed by a truncated size */
    static const uint8_t mod[] = { 0, 'a', 's', 'm', 1, 0, 0, 0, 1, 0x80 };
    uint8_t *b = malloc(sizeof(mod));
    struct wasm_module m;

    memcpy(b, mod, sizeof(mod));
    printf("scan: %d\n", wasm_scan(b, sizeof(mod), &m));
    free(b);
    return 0;
}
