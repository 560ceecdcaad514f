package io.memsafe.census.lang;

/**
 * Unsafe Rust in a file or a whole census: how many {@code unsafe} blocks, functions, impls and traits, and how
 * many code lines lie inside them (each line once, however deeply the regions nest).
 *
 * <p>{@code fns} counts {@code unsafe fn} <em>items</em> (free functions, methods, trait items, with or without
 * a body). An {@code unsafe extern "C" fn(...)} in a signature or a field is a function-pointer <em>type</em>: it
 * declares no code, so it is counted apart, in {@code fnPointerTypes}, and its lines are not unsafe lines.
 */
public record RustUnsafe(long blocks, long fns, long fnPointerTypes, long impls, long traits, long unsafeLines) {
    public static final RustUnsafe NONE = new RustUnsafe(0, 0, 0, 0, 0, 0);

    public RustUnsafe plus(RustUnsafe o) {
        return new RustUnsafe(blocks + o.blocks, fns + o.fns, fnPointerTypes + o.fnPointerTypes, impls + o.impls,
                traits + o.traits, unsafeLines + o.unsafeLines);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
