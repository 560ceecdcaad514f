#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1), out[128];
    struct query q = { NULL, 0, 0 };
    size_t i;

    memcpy(s, data, size);
    s[size] = '\0';
    query_parse(&q, s);
    query_get(&q, "q");
    for (i = 0; i < q.n; i++) {
        query_escape(q.v[i].key, out, sizeof(out));
        query_escape(q.v[i].value, out, 1 + i % sizeof(out));
    }
    query_free(&q);
    free(s);
    return 0;
}
