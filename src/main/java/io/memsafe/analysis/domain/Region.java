package io.memsafe.analysis.domain;

import io.memsafe.ir.SourceLoc;

/**
 * An abstract memory block: a variable's storage, an allocation site, a string literal. {@code key}
 * is stable across runs (it names the source position), which keeps every iteration order and so
 * the output deterministic.
 */
public final class Region implements Comparable<Region> {
    public enum Kind {
        STACK("stack"), HEAP("heap"), GLOBAL("global"), STRING_LITERAL("string literal"), UNKNOWN("unknown");
        public final String label;
        Kind(String label) { this.label = label; }
    }

    public final String key;
    public final Kind kind;
    /** Size in bytes (may be an interval, or tainted for a size from input). */
    public final Value size;
    public final String description;
    public final SourceLoc allocated;
    /** How it was allocated: "malloc", "alloca", "new[]", "declaration", ... (deallocator matching). */
    public final String family;
    /** The family of a buffer an I/O request carries (an IRP's system buffer, a KMDF request's buffers): freed with the request. */
    public static final String REQUEST_BUFFER = "request";
    /**
     * What the region holds where a state has no entry for it: a global's or a literal's contents at
     * program start. Null for storage that only exists once a state creates it.
     */
    public volatile Contents initial;

    public Region(String key, Kind kind, Value size, String description, SourceLoc allocated, String family) {
        this.key = key;
        this.kind = kind;
        this.size = size;
        this.description = description;
        this.allocated = allocated;
        this.family = family;
    }

    /** A block from an allocation site, described with its size as the messages show it. */
    public static Region block(String key, boolean onStack, Value size, String family, SourceLoc loc) {
        return new Region(key, onStack ? Kind.STACK : Kind.HEAP, size, describeBlock(onStack, family, size, loc), loc, family);
    }

    private static String describeBlock(boolean onStack, String family, Value size, SourceLoc loc) {
        return (onStack ? "stack block from " : "heap block from ") + family + "("
                + (size.num.isBottom() ? "?" : size.num.toString()) + " bytes) at line " + loc.line();
    }

    /**
     * This block with the sizes of both: the same allocation site reached with another size on another
     * path or in a later iteration of a loop (regions are equal by key, so without this the size seen
     * first would stay). Widened when the states are.
     */
    public Region withSizeOf(Region o, boolean widen, long[] thresholds) {
        if (o == this || o.size == size || o.size.equals(size)) return this;
        Value joined = widen ? size.widen(o.size, thresholds) : size.join(o.size);
        if (joined.equals(size)) return this;
        if (joined.equals(o.size)) return o;
        boolean block = allocated != null && (kind == Kind.HEAP || kind == Kind.STACK) && description.contains(" block from ");
        Region r = new Region(key, kind, joined, block ? describeBlock(kind == Kind.STACK, family, joined, allocated) : description, allocated, family);
        r.initial = initial;
        return r;
    }

    /** Whether o's size holds all of this one's (the same site, as a fixpoint compares states). */
    public boolean sizeWithin(Region o) { return o == this || o.size == size || size.leq(o.size); }

    /**
     * A deterministic total order on keys, cheap where it is used most (the sorted maps of every
     * abstract state): keys share long prefixes (the file, the function), so the hash of the key
     * (a function of its text only, computed once) decides first and the text only breaks ties.
     */
    @Override
    public int compareTo(Region o) {
        if (this == o) return 0;
        int c = Integer.compare(key.hashCode(), o.key.hashCode());
        return c != 0 ? c : key.compareTo(o.key);
    }

    @Override
    public boolean equals(Object o) { return o instanceof Region r && r.key.equals(key); }

    @Override
    public int hashCode() { return key.hashCode(); }

    @Override
    public String toString() { return description; }
}
