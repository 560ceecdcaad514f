#include CASE
int main(void)
{
    struct mime_msg m = {0};
    int i;
    char *out;
    size_t n;
    for (i = 0; i < MIME_MAX_PARTS + 1; i++)
        printf("add %d rc=%d\n", i, mime_add_text(&m, "hello"));
    out = mime_render(&m, "b0undary", &n);
    printf("len=%zu\n", n);
    free(out);
    mime_free(&m);
    return 0;
}
