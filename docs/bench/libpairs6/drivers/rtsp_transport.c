/* Drives rtsp_transport: a destination parameter of 40 characters. */
#include CASE
#include <stdio.h>

int main(void)
{
    const char *hdr = "RTP/AVP;unicast;destination=aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd;client_port=4588-4589";
    struct rtsp_transport t;
    int rc = rtsp_parse_transport(hdr, strlen(hdr), &t);

    printf("rc %d port %u\n", rc, t.client_port[0]);
    return 0;
}
