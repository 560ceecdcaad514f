/* libFuzzer harness for srt_subtitles: the input is the .srt text. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct srt_track *tr = srt_parse((const char *)d, n);
    const char *s;

    if (tr) {
        if ((s = srt_text_at(tr, 2000)))
            (void)strlen(s);
        srt_free(tr);
    }
    return 0;
}
