#include CASE
#include <stdio.h>
static int h(void *ctx, const char *path) { (void)ctx; (void)path; return 200; }
int main(void)
{
    struct route_table base = {0}, vhost;
    route_add(&base, "/static/*", 1, h, 0);
    route_add(&base, "/health", 1, h, 1);
    route_table_clone(&vhost, &base);
    route_add(&vhost, "/admin", 3, h, 5);
    printf("match=%d\n", route_lookup(&vhost, "/health", 1) != NULL);
    route_table_free(&base);
    route_table_free(&vhost);
    return 0;
}
