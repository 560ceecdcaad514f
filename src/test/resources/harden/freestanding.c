/* Fixture for cross-architecture objects: no headers, so clang can compile it for any target. */
void sink(char *buffer);

int fill(int index) {
    char buffer[64];
    sink(buffer);
    return buffer[index & 63];
}
