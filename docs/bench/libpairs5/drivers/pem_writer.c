#include CASE
#include <stdio.h>

int main(void)
{
    static const uint8_t der[] = { 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00 };
    struct pem_writer *w = pem_writer_new();
    size_t len;
    char *doc;

    if (pem_begin(w, "PUBLIC KEY") < 0 || pem_update(w, der, sizeof(der)) < 0 ||
        !(doc = pem_finish(w, &len))) {
        pem_writer_free(w);
        return 1;
    }
    fwrite(doc, 1, len, stdout);
    free(doc);
    pem_writer_free(w);
    return 0;
}
