/* Drives srt_subtitles: a cue with two text lines. */
#include CASE

static void scrub_stack(void)
{
    volatile char pad[16384];
    size_t i;

    for (i = 0; i < sizeof(pad); i++)
        pad[i] = 0;
}

static void run(void)
{
    const char *s = "1\r\n00:00:01,000 --> 00:00:04,000\r\nHello there,\r\ngeneral.\r\n\r\n"
                    "2\r\n00:00:05,000 --> 00:00:06,500\r\nBye.\r\n";
    struct srt_track *tr = srt_parse(s, strlen(s));

    if (tr) {
        printf("%zu cues, at 2s: %s\n", srt_count(tr), srt_text_at(tr, 2000));
        srt_free(tr);
    }
}

int main(void)
{
    run();
    scrub_stack();
    return 0;
}
