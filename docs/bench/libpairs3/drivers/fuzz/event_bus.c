#include CASE
#include "common.h"
static struct bus g_bus;
static struct fz g_f;
static int g_depth;
static const char *topics[] = { "a", "a/b", "a/c", "b", "a*", "*", "b*" };
static void handler(void *arg, const char *topic, const void *msg, size_t len);
static void act(void)
{
    unsigned op = fz_u8(&g_f) % 4, x = fz_u8(&g_f);
    if (op == 0)
        bus_unsubscribe(&g_bus, x % (g_bus.next_id + 2));
    else if (op == 1)
        bus_subscribe(&g_bus, topics[x % 7], handler, NULL);
    else if (op == 2 && g_depth < 3) {
        g_depth++;
        bus_publish(&g_bus, topics[x % 4], "m", 1);
        g_depth--;
    }
}
static void handler(void *arg, const char *topic, const void *msg, size_t len)
{
    (void)arg; (void)topic; (void)msg; (void)len;
    if (fz_u8(&g_f) & 1)
        act();
}
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    g_f.d = d; g_f.n = n; g_f.i = 0;
    memset(&g_bus, 0, sizeof(g_bus));
    while (fz_more(&g_f)) {
        act();
        if (g_depth == 0 && (fz_u8(&g_f) & 3) == 0)
            bus_publish(&g_bus, topics[fz_u8(&g_f) % 4], "x", 1);
    }
    bus_destroy(&g_bus);
    return 0;
}
