#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define KEY_ID_MAX 64

struct sig_block {
    uint8_t alg;
    char key_id[KEY_ID_MAX + 1];
    const uint8_t *sig;
    int sig_len;
};

/* Wire format: alg(1) idlen(2, BE) key_id(idlen) siglen(2, BE) sig(siglen) */
int sig_parse(const uint8_t *p, int n, struct sig_block *sb)
{
    int16_t idlen;
    int off, siglen;

    if (n < 3)
        return -1;
    sb->alg = p[0];
    idlen = (int16_t)((p[1] << 8) | p[2]);
    if (idlen > KEY_ID_MAX || idlen > n - 3)
        return -1;
    memcpy(sb->key_id, p + 3, idlen);  // expect-warning: CWE-787
    sb->key_id[idlen] = '\0';
    off = 3 + idlen;

    if (n - off < 2)
        return -1;
    siglen = (p[off] << 8) | p[off + 1];
    off += 2;
    if (siglen > n - off)
        return -1;
    sb->sig = p + off;
    sb->sig_len = siglen;
    return off + siglen;
}

/* Returns 1 if the signature block names the expected key and algorithm. */
int sig_matches_key(const uint8_t *p, int n, uint8_t alg, const char *key_id)
{
    struct sig_block sb;

    if (sig_parse(p, n, &sb) < 0)
        return -1;
    if (sb.alg != alg || sb.sig_len == 0)
        return 0;
    return strcmp(sb.key_id, key_id) == 0;
}
