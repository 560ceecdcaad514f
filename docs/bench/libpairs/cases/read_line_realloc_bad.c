#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads one line of any length (newline stripped). Returns a malloc'd
 * string, or NULL at end of input or on allocation failure. */
char *read_line(FILE *fp, size_t *len_out)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int ch;

    for (;;) {
        ch = fgetc(fp);
        if (ch == EOF && len == 0) {
            free(buf);
            return NULL;
        }
        if (len + 1 >= cap) {
            size_t ncap = cap ? cap * 2 : 64;

            if (cap > SIZE_MAX / 2) {
                free(buf);
                return NULL;
            }
            buf = realloc(buf, ncap);  // expect-warning: CWE-401
            if (buf == NULL)
                return NULL;
            cap = ncap;
        }
        if (ch == EOF || ch == '\n')
            break;
        buf[len++] = (char)ch;
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}

/* Counts lines of fp containing needle. */
long count_matching_lines(FILE *fp, const char *needle)
{
    char *line;
    size_t len;
    long hits = 0;

    while ((line = read_line(fp, &len)) != NULL) {
        if (strstr(line, needle) != NULL)
            hits++;
        free(line);
    }
    return ferror(fp) ? -1 : hits;
}

int main(int argc, char **argv)
{
    long n;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PATTERN\n", argv[0]);
        return 2;
    }
    n = count_matching_lines(stdin, argv[1]);
    if (n < 0)
        return 1;
    printf("%ld\n", n);
    return 0;
}
