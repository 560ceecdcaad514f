/* Drives telnet_opts: a TERMINAL-TYPE subnegotiation longer than the
 * subnegotiation buffer that ends in an escaped 0xff byte. */
#include CASE
#include <stdio.h>

int main(void)
{
    struct telnet *t = telnet_new();
    uint8_t in[128], out[64], reply[32];
    size_t n = 0, i, got;

    in[n++] = T_IAC; in[n++] = T_WILL; in[n++] = OPT_TTYPE;
    in[n++] = T_IAC; in[n++] = T_SB; in[n++] = OPT_TTYPE; in[n++] = 0;
    for (i = 0; i < 70; i++)
        in[n++] = 'x';
    in[n++] = T_IAC; in[n++] = T_IAC;
    in[n++] = T_IAC; in[n++] = T_SE;
    in[n++] = 'o'; in[n++] = 'k';
    got = telnet_recv(t, in, n, out, sizeof(out));
    printf("data %zu, reply %zu, ttype '%s'\n", got, telnet_pending_reply(t, reply, sizeof(reply)), t->ttype);
    telnet_free(t);
    return 0;
}
