/* Drives modbus_pdu: read 10 coils, the server answers with a byte count
 * of 2 (16 coil bits). */
#include CASE
#include <stdio.h>

int main(void)
{
    struct mb_client c;
    uint8_t req[12], *rsp = malloc(11);
    int rc, i;

    mb_client_init(&c, 1);
    if (mb_build_read(&c, MB_FC_READ_COILS, 0, 10, req, sizeof(req)) < 0)
        return 1;
    rsp[0] = 0; rsp[1] = 1;            /* transaction 1 */
    rsp[2] = 0; rsp[3] = 0;            /* protocol */
    rsp[4] = 0; rsp[5] = 5;            /* unit + fc + count + 2 data */
    rsp[6] = 1; rsp[7] = MB_FC_READ_COILS; rsp[8] = 2;
    rsp[9] = 0xa5; rsp[10] = 0xff;
    rc = mb_parse_response(&c, rsp, 11);
    printf("rc %d:", rc);
    for (i = 0; i < 10; i++)
        printf(" %d", mb_bit(&c, (unsigned)i));
    printf("\n");
    mb_client_reset(&c);
    free(rsp);
    return 0;
}
