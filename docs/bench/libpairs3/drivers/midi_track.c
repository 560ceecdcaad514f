#include CASE
#include <stdio.h>
static int on_event(void *arg, const struct midi_event *ev)
{
    (void)arg;
    printf("tick=%u status=%02x n=%u\n", ev->tick, ev->status, ev->ndata);
    return 0;
}
int main(void)
{
    /* first event is a data byte relying on running status that was never set */
    static const uint8_t trk[] = { 'M', 'T', 'r', 'k', 0, 0, 0, 7,
                                   0x00, 0x3c, 0x40, 0x00, 0xff, 0x2f, 0x00 };
    struct midi_track_stats st;
    printf("rc=%d\n", midi_read_track(trk, sizeof(trk), on_event, NULL, &st));
    return 0;
}
