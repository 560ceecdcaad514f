/* libFuzzer harness for atom_table: intern / release / lookup of short
 * names in a table with few buckets; the harness keeps the references it
 * holds. */
#include CASE
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    struct fz f = { d, n, 0 };
    struct atom_table *t = atom_table_new(4);
    struct atom *held[64], *a;
    size_t nheld = 0, k;
    const uint8_t *p;
    unsigned op;

    while (fz_more(&f)) {
        op = fz_u8(&f) % 4;
        if (op == 0 && nheld < 64) {
            k = fz_chunk(&f, 12, &p);
            if ((a = atom_intern(t, (const char *)p, k)))
                held[nheld++] = a;
        } else if (op == 1 && nheld) {
            k = fz_u8(&f) % nheld;
            atom_release(t, held[k]);
            held[k] = held[--nheld];
        } else if (op == 2 && nheld < 64) {
            k = fz_u8(&f) % (nheld ? nheld : 1);
            if (nheld)
                held[nheld] = atom_ref(held[k]), nheld++;
        } else {
            k = fz_chunk(&f, 12, &p);
            atom_lookup(t, (const char *)p, k);
        }
    }
    while (nheld)
        atom_release(t, held[--nheld]);
    atom_table_free(t);
    return 0;
}
