/* Fixture shared library for memsafe harden tests. */
#include <stdio.h>
#include <string.h>

int library_copy(const char *text) {
    char buffer[64];
    strcpy(buffer, text);
    return printf("%s\n", buffer);
}
