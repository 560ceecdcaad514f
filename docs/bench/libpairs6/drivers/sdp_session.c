/* Drives sdp_session: a media line with dynamic payload type 96 and no
 * a=rtpmap for it. */
#include CASE

int main(void)
{
    const char *sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=call\r\nc=IN IP4 192.0.2.1\r\n"
                      "t=0 0\r\nm=audio 49170 RTP/AVP 0 96\r\na=sendrecv\r\n";
    struct sdp_session *s = malloc(sizeof(*s));
    int rc = sdp_parse(s, sdp, strlen(sdp));
    const char *c = rc == 0 ? sdp_primary_codec(s, 0) : NULL;

    printf("rc %d codec %s\n", rc, c ? c : "-");
    free(s);
    return 0;
}
