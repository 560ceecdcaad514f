#include CASE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
    /* "ab" followed by a truncated 3-byte sequence at the end of the buffer */
    static const uint8_t text[] = { 'a', 'b', 0xe4, 0xb8 };
    uint8_t *buf = malloc(sizeof(text));
    struct utf8_span sp;
    memcpy(buf, text, sizeof(text));
    utf8_measure(buf, sizeof(text), &sp);
    printf("cp=%zu cols=%zu invalid=%zu\n", sp.codepoints, sp.columns, sp.invalid);
    free(buf);
    return 0;
}
