#include CASE
#include "common.h"
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct session_table t;
    time_t now = 0;
    char tok[32];
    session_table_init(&t, 4);
    while (fz_more(&f)) {
        unsigned op = fz_u8(&f) % 4, x = fz_u8(&f);
        now += x;
        snprintf(tok, sizeof(tok), "tok%u", x % 8);
        if (op == 0) {
            char *user = fz_str(&f, 40);
            session_open(&t, user, tok, now);
            free(user);
        } else if (op == 1) {
            struct session *s = session_find(&t, tok);
            if (s)
                session_close(&t, s, now);
        } else if (op == 2) {
            session_expire(&t, now, x);
        } else if (t.slots[x % 4].state == SESS_ACTIVE) {
            session_close(&t, &t.slots[x % 4], now);
        }
    }
    session_table_free(&t);
    return 0;
}
