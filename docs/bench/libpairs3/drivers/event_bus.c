#include CASE
#include <stdio.h>
static struct bus g_bus;
static unsigned g_peer;
static void on_leave(void *arg, const char *topic, const void *msg, size_t len)
{
    (void)arg; (void)msg; (void)len;
    printf("leave on %s\n", topic);
    bus_unsubscribe(&g_bus, g_peer); /* drop the companion handler */
}
static void on_any(void *arg, const char *topic, const void *msg, size_t len)
{
    (void)arg; (void)msg; (void)len;
    printf("any %s\n", topic);
}
int main(void)
{
    bus_subscribe(&g_bus, "room/*", on_leave, NULL);
    g_peer = bus_subscribe(&g_bus, "room/1", on_any, NULL);
    bus_subscribe(&g_bus, "room/1", on_any, NULL);
    printf("n=%zu\n", bus_publish(&g_bus, "room/1", "x", 1));
    bus_destroy(&g_bus);
    return 0;
}
