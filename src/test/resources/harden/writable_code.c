/* Fixture: a section flagged allocatable, writable and executable ("awx"); ld puts it in an RWX PT_LOAD. */
__asm__(".section .wxdata,\"awx\",@progbits\n.byte 0xc3\n.previous");

int main(void) {
    return 0;
}
