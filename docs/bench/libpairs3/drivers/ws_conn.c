#include CASE
#include <stdio.h>
static int on_msg(void *arg, struct ws_conn *ws, int op, const uint8_t *p, size_t n)
{
    (void)arg; (void)p;
    printf("op=%d len=%zu\n", op, n);
    if (op == WS_CLOSE) {
        ws_free(ws);
        return 1;
    }
    return 0;
}
int main(void)
{
    /* masked text frame "hi" followed by a masked close frame */
    static const uint8_t in[] = { 0x81, 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2,
                                  0x88, 0x80, 9, 9, 9, 9 };
    struct ws_conn *ws = ws_new(on_msg, NULL);
    printf("rc=%d\n", ws_feed(ws, in, sizeof(in)));
    return 0;
}
