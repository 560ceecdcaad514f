#include CASE
#include <stdio.h>
int main(void)
{
    /* RIFF/WAVE with a data chunk but no fmt chunk */
    static const uint8_t wav[] = { 'R', 'I', 'F', 'F', 16, 0, 0, 0, 'W', 'A', 'V', 'E',
                                   'd', 'a', 't', 'a', 4, 0, 0, 0, 1, 2, 3, 4 };
    struct wav_info wi;
    int rc = wav_probe(wav, sizeof(wav), &wi);
    printf("rc=%d\n", rc);
    return 0;
}
