/* Fixture PE program for memsafe harden tests. FIXTURE_BLOB is spare read-only space in which the test
   writes load-configuration and debug-directory structures MinGW cannot produce (CFG, SafeSEH, /GS, CET). */
#include <stdio.h>
#include <string.h>

__attribute__((used)) const unsigned char fixture_blob[1024] = "MEMSAFE-FIXTURE-BLOB";

#ifdef FIXTURE_DLL
__declspec(dllexport) int library_copy(const char *text) {
    char buffer[64];
    strcpy(buffer, text);
    return printf("%s %d\n", buffer, fixture_blob[1]);
}
#else
int copy_and_print(const char *text) {
    char buffer[64];
    strcpy(buffer, text);
    return printf("%s %d\n", buffer, fixture_blob[1]);
}

int main(int argc, char **argv) {
    return copy_and_print(argc > 1 ? argv[1] : "memsafe");
}
#endif
