#include CASE
#include <stdio.h>
int main(void)
{
    struct blob b;
    const char *in = "aGVsbG8gd29ybGQ"; /* unpadded "hello world" */
    int rc = b64_decode(&b, in, strlen(in));
    printf("rc=%d len=%zu\n", rc, b.len);
    blob_free(&b);
    return 0;
}
