#include CASE
int main(void)
{
    struct file_response r;
    printf("st=%d %s\n", file_response_prepare(&r, "/index.html", 4096, 1), r.content_type);
    printf("st=%d %s\n", file_response_prepare(&r, "/downloads/README", 4096, 1), r.content_type);
    return 0;
}
