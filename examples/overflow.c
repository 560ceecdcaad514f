/* A small network-style parser with real memory-safety bugs, for `memsafe scan`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 16

struct packet {
    int length;
    char payload[64];
};

static void greet(const char *name)
{
    char buffer[NAME_MAX_LEN];
    strcpy(buffer, "Hello, ");
    strcat(buffer, name);              /* 7 + strlen(name) + 1 may exceed 16 bytes */
    puts(buffer);
}

static int checksum(const struct packet *p)
{
    int sum = 0;
    int i;
    for (i = 0; i <= 64; i++)          /* off by one: reads payload[64] */
        sum += p->payload[i];
    return sum;
}

int main(void)
{
    char line[128];
    struct packet pkt;
    int index;
    char *copy;

    memset(&pkt, 0, sizeof(pkt));
    greet("memory-safety enthusiast");

    if (fgets(line, sizeof(line), stdin) == NULL)
        return 1;
    index = atoi(line);
    if (index < 64)                    /* a negative index from input is not rejected */
        pkt.payload[index] = 'x';

    copy = (char *)malloc(10);
    if (copy == NULL)
        return 1;
    memcpy(copy, "0123456789", 11);    /* copies 11 bytes into a 10-byte block */
    printf("%d %s\n", checksum(&pkt), copy);
    free(copy);
    return 0;
}
