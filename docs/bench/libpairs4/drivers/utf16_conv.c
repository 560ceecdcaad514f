/* Driver: converts a file name into a wide buffer sized by the caller for
 * 7 code units; the last character is outside the BMP (a surrogate pair). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include CASE

int main(void)
{
    const char *name = "r\xc3\xa9sum\xc3\xa9\xf0\x9f\x93\x84";   /* "résumé" + U+1F4C4 */
    uint16_t *w = malloc(7 * sizeof(*w));
    char back[32];
    long n;

    n = utf8_to_utf16(name, strlen(name), w, 7);
    printf("units=%ld need=%zu\n", n, utf16_length(name, strlen(name)));
    if (n >= 0 && utf16_to_utf8(w, (size_t)n, back, sizeof(back)) >= 0)
        printf("round trip: %s\n", back);
    free(w);
    return 0;
}
