#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct pcap_reader r;
    struct pcap_record rec;
    uint64_t t = 0;

    if (pcap_open(&r, d, n) < 0)
        return 0;
    (void)pcap_linktype_name(r.linktype);
    while (pcap_next(&r, &rec) == 1) {
        t += pcap_timestamp_us(&r, &rec);
        if (rec.caplen)
            t += rec.data[rec.caplen - 1];
    }
    pcap_close(&r);
    return (int)(t & 0);
}
