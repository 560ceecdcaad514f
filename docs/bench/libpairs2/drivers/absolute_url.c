#include CASE
int main(void)
{
    struct request r = {0};
    char out[256];
    strcpy(r.path, "/index.html");
    request_add_header(&r, "Accept: */*");
    printf("rc=%d\n", request_absolute_url(&r, out, sizeof(out)));
    return 0;
}
