#include CASE
#include <stdio.h>
static void done(void *arg, int status) { printf("done %d\n", status); }
int main(void)
{
    struct client c = {0};
    struct request *r = request_new("http://example.com/", done, NULL);
    client_submit(&c, r);
    request_unref(r);
    printf("rc=%d\n", client_complete(&c, 0, 200));
    return 0;
}
