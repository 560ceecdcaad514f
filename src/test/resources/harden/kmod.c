/* Fixture shaped like a Linux kernel module: a relocatable object with a .modinfo section. */
void sink(char *buffer);

__attribute__((section(".modinfo"), used, aligned(1))) static const char modinfo_license[] = "license=GPL";
__attribute__((section(".modinfo"), used, aligned(1))) static const char modinfo_retpoline[] = "retpoline=Y";

int init_module(void) {
    char buffer[64];
    sink(buffer);
    return buffer[0];
}
