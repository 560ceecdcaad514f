/* Drives sqlite_record: a 2-byte record whose header-size varint says 10
 * and whose first serial type varint is cut off. */
#include CASE
#include <stdio.h>

int main(void)
{
    uint8_t *rec = malloc(2);
    struct sqlite_record *r;
    char text[32];
    int64_t v;

    rec[0] = 0x0a;
    rec[1] = 0x81;
    r = sqlite_record_open(rec, 2);
    if (r) {
        printf("%u columns\n", sqlite_record_columns(r));
        if (sqlite_record_int(r, 0, &v) == 0)
            printf("int %lld\n", (long long)v);
        if (sqlite_record_text(r, 1, text, sizeof(text)) >= 0)
            printf("text %s\n", text);
        sqlite_record_close(r);
    } else {
        printf("rejected\n");
    }
    free(rec);
    return 0;
}
