/* Driver: a work list; after the first item is taken, two urgent items are
 * pushed to the front. */
#include <stdio.h>
#include CASE

int main(void)
{
    struct deque d;
    const char *task;

    if (dq_init(&d, 8) < 0)
        return 2;
    dq_push_back(&d, "index /var/www");
    dq_push_back(&d, "rotate logs");
    task = dq_pop_front(&d);
    printf("running: %s\n", task);
    dq_push_front(&d, "reload certificates");
    dq_push_front(&d, "flush dns cache");
    while (dq_size(&d) > 0)
        printf("next: %s\n", (const char *)dq_pop_front(&d));
    dq_free(&d);
    return 0;
}
