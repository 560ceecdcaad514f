/* Fixture program for memsafe harden tests: each function gives one mitigation something to act on. */
#include <stdio.h>
#include <string.h>

/* A local array passed on: -fstack-protector-strong instruments it; strcpy into a known-size buffer is
   what _FORTIFY_SOURCE turns into __strcpy_chk, printf into __printf_chk. */
int copy_and_print(const char *text) {
    char buffer[64];
    strcpy(buffer, text);
    return printf("%s\n", buffer);
}

/* A frame larger than a page: -fstack-clash-protection probes each page of it. */
int large_frame(int index) {
    volatile char big[16384];
    big[index % 16384] = 1;
    return big[0];
}

int main(int argc, char **argv) {
    return copy_and_print(argc > 1 ? argv[1] : "memsafe") + large_frame(argc);
}
