/* Fixture: an absolute address stored in .text of a shared library needs a run-time relocation of the
   code page (DT_TEXTREL). */
int library_value = 1;
__asm__(".text\n.globl pointer_in_text\npointer_in_text:\n.quad library_value\n");
