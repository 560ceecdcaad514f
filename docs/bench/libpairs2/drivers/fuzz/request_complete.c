#include CASE
#include "common.h"
static void done(void *arg, int status) { (*(int *)arg)++; }
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct client c = {0};
    struct request *mine[64];
    size_t nm = 0, i;
    int calls = 0;
    for (i = 0; i < n; i++) {
        switch (d[i] & 3) {
        case 0:
            if (nm < 64 && (mine[nm] = request_new("http://h/", done, &calls)) != NULL) {
                if (client_submit(&c, mine[nm]) < 0) request_unref(mine[nm]); else nm++;
            }
            break;
        case 1:
            if (nm) request_unref(mine[--nm]);
            break;
        default:
            client_complete(&c, d[i] >> 2, d[i]);
            break;
        }
    }
    client_cancel_all(&c);
    while (nm) request_unref(mine[--nm]);
    return 0;
}
