package io.memsafe.census.lang;

/**
 * Unsafe Rust in a file or a whole census: how many {@code unsafe} blocks, functions, impls and traits, and how
 * many code lines lie inside them (each line once, however deeply the regions nest).
 */
public record RustUnsafe(long blocks, long fns, long impls, long traits, long unsafeLines) {
    public static final RustUnsafe NONE = new RustUnsafe(0, 0, 0, 0, 0);

    public RustUnsafe plus(RustUnsafe o) {
        return new RustUnsafe(blocks + o.blocks, fns + o.fns, impls + o.impls, traits + o.traits, unsafeLines + o.unsafeLines);
    }

    public boolean isEmpty() {
        return blocks == 0 && fns == 0 && impls == 0 && traits == 0 && unsafeLines == 0;
    }
}
