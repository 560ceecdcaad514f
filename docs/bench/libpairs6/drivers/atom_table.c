/* Drives atom_table: two atoms in one bucket, the older one is released and
 * another name is looked up. */
#include CASE
#include <stdio.h>

int main(void)
{
    struct atom_table *t = atom_table_new(1);
    struct atom *a = atom_intern(t, "alpha", 5);
    struct atom *b = atom_intern(t, "beta", 4);

    atom_release(t, a);
    printf("gamma %s\n", atom_lookup(t, "gamma", 5) ? "found" : "absent");
    printf("%s %zu\n", atom_text(b), atom_table_count(t));
    atom_release(t, b);
    atom_table_free(t);
    return 0;
}
