/* Fixture for elf.clang_cfi: an indirect call through a function pointer, what -fsanitize=cfi-icall checks. */
#include <stdio.h>
typedef int (*op)(int);
static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
op pick(int i) { return i ? twice : square; }
int main(int argc, char **argv) { (void)argv; printf("%d\n", pick(argc > 1)(argc)); return 0; }
